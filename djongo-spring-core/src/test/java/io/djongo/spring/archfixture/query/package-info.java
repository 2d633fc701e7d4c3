/**
 * A public API that leaks its internals and forms a cycle with its aggregate package.
 */
@NullMarked
package io.djongo.spring.archfixture.query;

import org.jspecify.annotations.NullMarked;
