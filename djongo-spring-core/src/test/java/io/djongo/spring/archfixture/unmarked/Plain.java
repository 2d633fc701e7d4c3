package io.djongo.spring.archfixture.unmarked;

/**
 * A class in a package without {@code package-info.java}, on purpose: the proof that the rule "every package is
 * {@code @NullMarked}" catches a package that is not.
 */
class Plain {

}
