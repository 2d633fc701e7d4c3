package io.djongo.spring.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code class Meta} extras on a model class. The collection itself is named by Spring Data's
 * {@code @Document} (Django's {@code db_table}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Model {

	/**
	 * Default ordering of the model's QuerySets, as field names; a leading {@code -} sorts descending.
	 */
	String[] ordering() default {};

	/**
	 * Django's {@code get_latest_by}: the fields {@code earliest()} and {@code latest()} order by when given none; a
	 * leading {@code -} sorts descending.
	 */
	String[] getLatestBy() default {};

	/**
	 * Human-readable singular name; derived from the class name when empty.
	 */
	String verboseName() default "";

	/**
	 * Human-readable plural name; {@link #verboseName()} plus "s" when empty.
	 */
	String verboseNamePlural() default "";

	/**
	 * Whether reading this model's documents checks that they hold every declared field; {@code DEFAULT} defers to
	 * the {@code djongo.enforce-schema} setting.
	 */
	EnforceSchema enforceSchema() default EnforceSchema.DEFAULT;

	/**
	 * How this model's documents are stored; {@code DEFAULT} defers to the {@code djongo.storage} setting.
	 * {@link Storage#DJANGO} shares the collection with a Django application on djongo.
	 */
	Storage storage() default Storage.DEFAULT;

	/**
	 * The read concern of every read of this model (QuerySets, repositories, the template): {@code local},
	 * {@code available}, {@code majority}, {@code linearizable} or {@code snapshot}; the client's when empty.
	 */
	String readConcern() default "";

	/**
	 * The write concern of every write of this model: {@code majority}, {@code w1}, {@code w2}, {@code w3},
	 * {@code acknowledged}, {@code journaled} or {@code unacknowledged}; the template's (or the client's) when empty.
	 */
	String writeConcern() default "";

	/**
	 * The read preference of every read of this model: {@code primary}, {@code primaryPreferred}, {@code secondary},
	 * {@code secondaryPreferred} or {@code nearest}; the client's when empty. {@code QuerySet.using} overrides it for
	 * one QuerySet.
	 */
	String readPreference() default "";

	/**
	 * Whether the model's collection is capped: a fixed-size collection that keeps documents in insertion order and
	 * drops the oldest when full (a log, an event feed), and the only kind {@code QuerySet.tail()} can follow. Created
	 * so at start-up or by {@code --djongo.migrate}; an existing collection is never converted (a difference is
	 * reported). Needs {@link #maxSize()}.
	 */
	boolean capped() default false;

	/** The size of a capped collection in bytes (MongoDB's {@code size}, rounded up by the server); only with capped. */
	long maxSize() default 0;

	/** The most documents a capped collection keeps (MongoDB's {@code max}); 0 for no limit but the size. */
	long maxDocuments() default 0;

}
