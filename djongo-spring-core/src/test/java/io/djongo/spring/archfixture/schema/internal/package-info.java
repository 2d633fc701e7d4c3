/**
 * An internal package that passes state through a ThreadLocal.
 */
@NullMarked
package io.djongo.spring.archfixture.schema.internal;

import org.jspecify.annotations.NullMarked;
