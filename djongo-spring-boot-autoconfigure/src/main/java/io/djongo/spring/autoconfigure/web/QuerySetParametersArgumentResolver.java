package io.djongo.spring.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves handler-method arguments annotated {@link QuerySetParameters @QuerySetParameters}: a {@code QuerySet},
 * {@code Page} or {@link QuerySetRequest} of the request's lookups, ordering and page, each checked against the
 * annotation's allow-lists before anything is sent; a parameter refused is an {@link InvalidQueryParameterException}.
 * <p>
 * What each annotated parameter allows is worked out once. Pages follow Spring Data's web support: the names of
 * {@code page} and {@code size}, whether pages count from 1, the largest size and the default size come from the
 * {@link PageableHandlerMethodArgumentResolverCustomizer} given (Spring Boot's, from
 * {@code spring.data.web.pageable.*}) and from a {@code @PageableDefault} on the parameter; unlike Spring Data, a
 * {@code page} or {@code size} that is not a number in range is refused rather than replaced by the default.
 */
public class QuerySetParametersArgumentResolver implements HandlerMethodArgumentResolver {

	/** The request parameter of the ordering: comma-separated fields, {@code -} for descending. */
	public static final String ORDERING = "ordering";

	private final Supplier<DjongoTemplate> template;

	private final PageableHandlerMethodArgumentResolverCustomizer pageable;

	private final Map<MethodParameter, Spec> specs = new ConcurrentHashMap<>();

	/**
	 * @param template the template whose QuerySets {@code QuerySet} and {@code Page} arguments start from
	 * @param pageable Spring Data's pagination settings ({@code page} and {@code size} names, one-indexed pages,
	 * sizes), applied as they are to Spring Data's own {@code Pageable} arguments
	 */
	public QuerySetParametersArgumentResolver(Supplier<DjongoTemplate> template,
			PageableHandlerMethodArgumentResolverCustomizer pageable) {
		this.template = template;
		this.pageable = pageable;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(QuerySetParameters.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Spec spec = this.specs.computeIfAbsent(parameter, this::spec);
		QuerySetRequest<?> request = spec.request(webRequest);
		return switch (spec.kind()) {
			case REQUEST -> request;
			case QUERY_SET -> slice(request);
			case PAGE -> page(request);
		};
	}

	private <T> Object slice(QuerySetRequest<T> request) {
		return request.slice(this.template.get().objects(request.model()));
	}

	private <T> Page<T> page(QuerySetRequest<T> request) {
		return request.page(this.template.get().objects(request.model()));
	}

	/** What one annotated parameter allows, from its annotation, its method and the pagination settings. */
	private Spec spec(MethodParameter parameter) {
		QuerySetParameters annotation = parameter.getParameterAnnotation(QuerySetParameters.class);
		String source = "@QuerySetParameters on " + parameter.getExecutable().getDeclaringClass().getSimpleName() + "."
				+ parameter.getExecutable().getName() + "(..)";
		if (annotation == null) {
			throw new IllegalStateException(source + " is missing");
		}
		Class<?> type = parameter.getParameterType();
		Kind kind = Kind.of(type);
		if (kind == null) {
			throw new IllegalStateException(source + " annotates a QuerySet<T>, Page<T> or QuerySetRequest<T>"
					+ " parameter, not a " + type.getSimpleName());
		}
		Class<?> model = (annotation.model() != void.class) ? annotation.model()
				: ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
		if (model == null || model == Object.class) {
			throw new IllegalStateException(source + " needs the model: a type argument (QuerySet<Book>) or"
					+ " @QuerySetParameters(model = Book.class)");
		}
		Set<String> orderings = new LinkedHashSet<>();
		for (String field : annotation.orderings()) {
			if (!StringUtils.hasText(field) || field.startsWith("-") || field.contains(",")) {
				throw new IllegalStateException(source + " lists '" + field + "' among its orderings: list field"
						+ " names, which may be ordered ascending and descending");
			}
			orderings.add(field);
			orderings.add("-" + field);
		}
		PageSettings pages = new PageSettings();
		this.pageable.customize(pages);
		return new Spec(kind, model, new TreeSet<>(Arrays.asList(annotation.lookups())), orderings,
				List.of(annotation.defaultOrdering()), ownParameters(parameter), pages.of(parameter), source);
	}

	/** The names of the handler method's own {@code @RequestParam}s, which are not lookups. */
	private static Set<String> ownParameters(MethodParameter annotated) {
		Set<String> names = new TreeSet<>();
		Method method = annotated.getMethod();
		if (method == null) {
			return names;
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter other = new MethodParameter(method, i);
			other.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			RequestParam requestParam = other.getParameterAnnotation(RequestParam.class);
			if (requestParam != null && i != annotated.getParameterIndex() && !Map.class.isAssignableFrom(other.getParameterType())) {
				String name = StringUtils.hasText(requestParam.name()) ? requestParam.name() : other.getParameterName();
				if (name != null) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/** The kinds of annotated parameters. */
	enum Kind {

		QUERY_SET, PAGE, REQUEST;

		static @Nullable Kind of(Class<?> type) {
			if (type == io.djongo.spring.core.query.QuerySet.class) {
				return QUERY_SET;
			}
			if (type == Page.class) {
				return PAGE;
			}
			return (type == QuerySetRequest.class) ? REQUEST : null;
		}

	}

	/**
	 * One annotated parameter: its allow-lists, the names of the method's own parameters and its pages.
	 */
	record Spec(Kind kind, Class<?> model, Set<String> lookups, Set<String> orderings, List<String> defaultOrdering,
			Set<String> own, Pages pages, String source) {

		QuerySetRequest<?> request(NativeWebRequest request) {
			List<Map.Entry<String, Object>> lookups = new ArrayList<>();
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				String name = parameter.getKey();
				if (isControl(name) || this.own.contains(name)) {
					continue;
				}
				if (!this.lookups.contains(name)) {
					throw new InvalidQueryParameterException(name, "Unknown or disallowed query parameter '" + name
							+ "'", allowedParameters(), null);
				}
				for (String value : parameter.getValue()) {
					if (!value.isEmpty()) {
						lookups.add(new AbstractMap.SimpleImmutableEntry<>(name, value(name, value)));
					}
				}
			}
			List<String> ordering = ordering(single(request, ORDERING));
			int size = number(request, this.pages.sizeName(), 1, this.pages.maxSize(), this.pages.defaultSize());
			int first = this.pages.oneIndexed() ? 1 : 0;
			int page = number(request, this.pages.pageName(), first, Integer.MAX_VALUE, this.pages.defaultPage() + first)
					- first;
			if ((long) page * size + size > Integer.MAX_VALUE) {
				throw new InvalidQueryParameterException(this.pages.pageName(), "Page " + (page + first) + " of "
						+ size + " results starts beyond the last result a QuerySet reaches", List.of(), null);
			}
			return create(this.model, lookups, ordering, page, size);
		}

		private <T> QuerySetRequest<T> create(Class<T> model, List<Map.Entry<String, Object>> lookups,
				List<String> ordering, int page, int size) {
			return new QuerySetRequest<>(model, lookups, ordering, page, size, this.source);
		}

		private boolean isControl(String name) {
			return name.equals(this.pages.pageName()) || name.equals(this.pages.sizeName())
					|| (name.equals(ORDERING) && !this.orderings.isEmpty());
		}

		/** The parameters a request may use, for messages: the lookups, then ordering, page and size. */
		List<String> allowedParameters() {
			List<String> allowed = new ArrayList<>(this.lookups);
			if (!this.orderings.isEmpty()) {
				allowed.add(ORDERING);
			}
			allowed.add(this.pages.pageName());
			allowed.add(this.pages.sizeName());
			return allowed;
		}

		private List<String> ordering(@Nullable String requested) {
			if (requested == null || requested.isEmpty()) {
				return this.defaultOrdering.isEmpty() ? this.pages.defaultOrdering() : this.defaultOrdering;
			}
			List<String> fields = Arrays.asList(requested.split(",", -1));
			for (String field : fields) {
				if (!this.orderings.contains(field)) {
					throw new InvalidQueryParameterException(ORDERING, "Cannot order by '" + field + "'",
							new ArrayList<>(new TreeSet<>(this.orderings)), null);
				}
			}
			return fields;
		}

		/** A lookup's value: a list for {@code in} and {@code range}, a boolean for {@code isnull}. */
		private static Object value(String name, String value) {
			int separator = name.lastIndexOf("__");
			String lookup = (separator < 0) ? "exact" : name.substring(separator + 2);
			return switch (lookup) {
				case "in", "range" -> Arrays.asList(value.split(",", -1));
				case "isnull" -> value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : value;
				default -> value;
			};
		}

		private static int number(NativeWebRequest request, String name, int min, int max, int absent) {
			String value = single(request, name);
			if (value == null || value.isEmpty()) {
				return absent;
			}
			try {
				int number = Integer.parseInt(value);
				if (number >= min && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			throw new InvalidQueryParameterException(name, name + " must be a whole number from " + min
					+ ((max < Integer.MAX_VALUE) ? " to " + max : "") + ", not '" + value + "'", List.of(), null);
		}

		private static @Nullable String single(NativeWebRequest request, String name) {
			String[] values = request.getParameterValues(name);
			if (values == null || values.length == 0) {
				return null;
			}
			if (values.length > 1) {
				throw new InvalidQueryParameterException(name, name + " is given more than once", List.of(), null);
			}
			return values[0];
		}

	}

	/**
	 * The pagination of one parameter.
	 * @param defaultOrdering the sort of a {@code @PageableDefault}, as Django orderings
	 */
	record Pages(String pageName, String sizeName, boolean oneIndexed, int maxSize, int defaultPage, int defaultSize,
			List<String> defaultOrdering) {

	}

	/** Spring Data's pagination settings, read after the customizer applied them. */
	static final class PageSettings extends PageableHandlerMethodArgumentResolver {

		Pages of(MethodParameter parameter) {
			Pageable defaults = getPageable(parameter, null, null);
			int defaultSize = defaults.isPaged() ? defaults.getPageSize() : 20;
			List<String> ordering = new ArrayList<>();
			for (Sort.Order order : defaults.getSort()) {
				ordering.add((order.isDescending() ? "-" : "") + order.getProperty().replace(".", "__"));
			}
			return new Pages(getParameterNameToUse(getPageParameterName(), parameter),
					getParameterNameToUse(getSizeParameterName(), parameter), isOneIndexedParameters(), getMaxPageSize(),
					defaults.isPaged() ? defaults.getPageNumber() : 0, Math.min(defaultSize, getMaxPageSize()), ordering);
		}

	}

}
