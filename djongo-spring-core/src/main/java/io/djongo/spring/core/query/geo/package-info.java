/**
 * Geospatial values for the geo lookups and {@code GeoDistance}: distances with a unit ({@link
 * io.djongo.spring.core.query.geo.D}, Django's {@code D}) as Spring Data's {@code Distance}, and the value of a
 * {@code __near} lookup ({@link io.djongo.spring.core.query.geo.Near}). Points and shapes are Spring Data's own
 * ({@code GeoJsonPoint}, {@code GeoJsonPolygon}, {@code Point}, {@code Box}, {@code Circle}, {@code Sphere}...).
 */
@NullMarked
package io.djongo.spring.core.query.geo;

import org.jspecify.annotations.NullMarked;
