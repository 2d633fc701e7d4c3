/**
 * An engine that reaches back into the composition root.
 */
@NullMarked
package io.djongo.spring.archfixture.query.internal;

import org.jspecify.annotations.NullMarked;
