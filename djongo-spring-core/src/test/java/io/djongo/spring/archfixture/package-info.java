/**
 * Fixtures for the architecture tests: small classes that break one rule each, on purpose, outside the real code.
 */
@NullMarked
package io.djongo.spring.archfixture;

import org.jspecify.annotations.NullMarked;
