package io.djongo.spring.core.bridge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a raw entry point of the mongo bridge: what it writes goes to MongoDB as given, without validators, id
 * assignment, entity callbacks or model mapping, as djongo's {@code mongo_*} calls do. Like jOOQ's
 * {@code @PlainSQL}, it exists so that a reader (or a check in a build) can find every place that bypasses the
 * model layer. Never build the documents or filters of such a call by pasting user input into JSON: pass user values
 * as values ({@code Filters.eq("headline", input)}), which MongoDB never interprets as operators.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface BypassesValidation {

}
