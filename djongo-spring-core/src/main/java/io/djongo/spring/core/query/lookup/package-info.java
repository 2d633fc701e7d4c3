/**
 * Django's lookups and transforms: the parts after the field in {@code publishedDate__year__gte}.
 */
@NullMarked
package io.djongo.spring.core.query.lookup;

import org.jspecify.annotations.NullMarked;
