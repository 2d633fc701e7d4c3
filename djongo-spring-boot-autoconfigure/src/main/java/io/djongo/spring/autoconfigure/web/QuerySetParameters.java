package io.djongo.spring.autoconfigure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns a request's parameters into a QuerySet, as django-filter and Django REST framework's ordering filter do, for
 * the lookups and orderings listed here only:
 * {@code ?title__icontains=django&publishedDate__year=2024&ordering=-views&page=2&size=20}.
 * <pre>{@code
 * @GetMapping("/books")
 * List<Book> books(@QuerySetParameters(lookups = { "title__icontains", "publishedDate__year" },
 *         orderings = { "views", "title" }) QuerySet<Book> books) {
 *     return books.selectRelated("author").list();
 * }
 * }</pre>
 * The annotated handler-method argument is one of:
 * <ul>
 * <li>{@code QuerySet<Book>}: the model's QuerySet filtered, ordered and sliced to the requested page; nothing is
 * sent until the controller evaluates it;</li>
 * <li>{@code Page<Book>}: that page, evaluated ({@code QuerySet.page}: one find, and a count when needed);</li>
 * <li>{@link QuerySetRequest QuerySetRequest<Book>}: the checked request, for the controller to apply to a QuerySet
 * of its own ({@code request.page(books.objects().annotate(...))}): lookups on annotations, a base filter.</li>
 * </ul>
 * Every other request parameter is refused ({@link InvalidQueryParameterException}: 400, naming it and what is
 * allowed), but for the handler method's own {@code @RequestParam}s and {@code ordering}, {@code page} and
 * {@code size}. Values are strings converted to the field's type by the QuerySet ({@code in} and {@code range} take
 * comma-separated values, {@code isnull} takes {@code true} or {@code false}); an empty value is ignored, as
 * django-filter ignores it. Pages are Spring Data's: {@code page} counts from 0 and {@code size} defaults to 20 up to
 * 2000, as {@code spring.data.web.pageable.*} and {@code @PageableDefault} configure them (a bad {@code page} or
 * {@code size} is refused, not corrected).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QuerySetParameters {

	/** The model; by default the type argument of the parameter ({@code QuerySet<Book>}). */
	Class<?> model() default void.class;

	/**
	 * The lookups a request may use, as request parameter names: {@code "title__icontains"},
	 * {@code "publishedDate__year__gte"}, {@code "author__name"}; a bare field name is {@code exact}.
	 */
	String[] lookups() default {};

	/**
	 * The fields a request may order by with {@code ordering=-views,title}, ascending or descending; none: the
	 * {@code ordering} parameter is refused.
	 */
	String[] orderings() default {};

	/**
	 * The ordering when the request gives none, as Django orderings ({@code "-publishedDate"}); by default the
	 * QuerySet's own (the model's {@code @Model(ordering)}), else the primary key for pages.
	 */
	String[] defaultOrdering() default {};

}
