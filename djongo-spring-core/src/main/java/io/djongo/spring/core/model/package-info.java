/**
 * Models: djongo's annotations on top of Spring Data's ({@code @Document}, {@code @Id}, {@code @Field}) and the
 * metadata that knows every model, field, type and container.
 */
@NullMarked
package io.djongo.spring.core.model;

import org.jspecify.annotations.NullMarked;
