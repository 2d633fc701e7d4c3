/**
 * The QuerySet engine, not API: {@link io.djongo.spring.core.query.internal.QueryEngine} on Spring Data's
 * {@code MongoOperations}, its own path resolver, the one compiler extending one plan per chain call, and the
 * commands the plan renders and sends. What it needs of the rest of djongo comes through the functional interfaces
 * declared here ({@code ModelReader}, {@code UpdateValidator}, {@code Deleter}), wired by the template.
 */
@NullMarked
package io.djongo.spring.core.query.internal;

import org.jspecify.annotations.NullMarked;
