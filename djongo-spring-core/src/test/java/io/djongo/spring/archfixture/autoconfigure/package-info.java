/**
 * Another module's code, which must not use internal packages.
 */
@NullMarked
package io.djongo.spring.archfixture.autoconfigure;

import org.jspecify.annotations.NullMarked;
