/**
 * The composition root, which may use every internal package.
 */
@NullMarked
package io.djongo.spring.archfixture.bridge;

import org.jspecify.annotations.NullMarked;
