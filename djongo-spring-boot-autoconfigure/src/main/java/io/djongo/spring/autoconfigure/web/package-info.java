/**
 * djongo in a Spring MVC application: RFC 9457 problem details for djongo's exceptions.
 */
@NullMarked
package io.djongo.spring.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
