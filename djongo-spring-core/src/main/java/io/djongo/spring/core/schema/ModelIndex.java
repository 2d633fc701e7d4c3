package io.djongo.spring.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index of a model in Django's terms ({@code Meta.indexes}, {@code unique_together}, a {@code UniqueConstraint}
 * with a {@code condition}): fields by their Java names, relations included ({@code author} is stored as
 * {@code author_id}), a partial filter and a collation. Spring Data's annotations ({@code @Indexed},
 * {@code @CompoundIndex}, {@code @TextIndexed}, {@code @GeoSpatialIndexed}, {@code @WildcardIndexed}) keep working
 * next to it; this one adds what they spell with stored names or cannot say.
 * <pre>{@code
 * @ModelIndex(fields = {"author", "-publishedDate"})                       // Meta.indexes
 * @ModelIndex(fields = {"blog", "slug"}, unique = true)                     // unique_together
 * @ModelIndex(fields = "email", unique = true, partialFilter = "{active: true}",
 *         collation = "{locale: 'en', strength: 2}")                        // case-insensitive, active users only
 * }</pre>
 * Created at start-up with the model's other indexes (see {@code djongo.indexes}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ModelIndex.List.class)
public @interface ModelIndex {

	/** The fields, by Java name (dotted into embedded fields); a leading {@code -} sorts the key descending. */
	String[] fields();

	/** The index name; MongoDB's default ({@code author_id_1_publishedDate_-1}) when empty. */
	String name() default "";

	/** Whether two documents may not share the indexed values (Django's {@code unique_together}). */
	boolean unique() default false;

	/** Whether documents lacking the fields are left out of the index. */
	boolean sparse() default false;

	/**
	 * MongoDB's {@code partialFilterExpression} with Java field names, as JSON: {@code "{active: true}"},
	 * {@code "{rating: {$gte: 3}}"}; only documents matching it are indexed (Django's {@code condition}).
	 */
	String partialFilter() default "";

	/** A collation: a locale ({@code "fr"}) or a JSON document ({@code "{locale: 'en', strength: 2}"}). */
	String collation() default "";

	/** Several {@link ModelIndex}es on one model. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		ModelIndex[] value();

	}

}
