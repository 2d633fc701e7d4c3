/**
 * Django's database functions ({@code django.db.models.functions}): factories such as {@code Lower.of("title")},
 * {@code Coalesce.of("alias", "name")}, {@code ExtractYear.of("publishedDate")}, each making a
 * {@link io.djongo.spring.core.query.Func}. A string argument names a field, as in Django; wrap text in
 * {@code Value.of(...)}. This package uses {@code query}, never the other way round.
 */
@NullMarked
package io.djongo.spring.core.query.functions;

import org.jspecify.annotations.NullMarked;
