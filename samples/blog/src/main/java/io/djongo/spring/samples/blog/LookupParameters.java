package io.djongo.spring.samples.blog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.djongo.spring.core.query.QuerySet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;

/**
 * Query parameters as QuerySet lookups, for an allow-list of fields and lookups:
 * {@code ?title__icontains=django&publishedDate__year=2024&ordering=-publishedDate&limit=5&offset=10}.
 * <p>
 * Each parameter other than {@code ordering}, {@code limit} and {@code offset} is a Django lookup on a field; it must
 * be allowed here, so a client cannot filter on fields it should not see or use costly lookups ({@code regex}).
 * Values stay strings: djongo converts them to the field's type, and a value that does not fit raises its
 * {@code InvalidLookupException}. {@code in} and {@code range} take comma-separated values, {@code isnull} takes
 * {@code true} or {@code false}. {@code ordering} takes comma-separated fields, {@code -} for descending. Anything
 * else raises {@link RejectedParameterException}, naming the parameter and the allowed ones. Immutable.
 */
final class LookupParameters {

	static final String ORDERING = "ordering";

	static final String LIMIT = "limit";

	static final String OFFSET = "offset";

	private final Map<String, String> lookups;

	private final Set<String> orderings;

	private final int maxLimit;

	private LookupParameters(Map<String, String> lookups, Set<String> orderings, int maxLimit) {
		this.lookups = lookups;
		this.orderings = orderings;
		this.maxLimit = maxLimit;
	}

	/** No lookups allowed yet, ordering by nothing, at most 100 results a request. */
	static LookupParameters create() {
		return new LookupParameters(Map.of(), Set.of(), 100);
	}

	/**
	 * These lookups on a field are allowed: {@code allow("publishedDate", "year", "year__gte")}; {@code exact}
	 * allows the bare field name too.
	 */
	LookupParameters allow(String field, String... lookups) {
		Map<String, String> next = new LinkedHashMap<>(this.lookups);
		for (String lookup : lookups) {
			if (lookup.equals("exact")) {
				next.put(field, "exact");
			}
			next.put(field + "__" + lookup, lookup);
		}
		return new LookupParameters(Map.copyOf(next), this.orderings, this.maxLimit);
	}

	/** These fields can be ordered by, ascending or descending. */
	LookupParameters orderBy(String... fields) {
		Set<String> next = new LinkedHashSet<>(this.orderings);
		for (String field : fields) {
			next.add(field);
			next.add("-" + field);
		}
		return new LookupParameters(this.lookups, Set.copyOf(next), this.maxLimit);
	}

	/** The largest {@code limit}, also the limit when none is given. */
	LookupParameters maxLimit(int maxLimit) {
		return new LookupParameters(this.lookups, this.orderings, maxLimit);
	}

	/**
	 * The QuerySet filtered, ordered and sliced by the parameters; nothing is sent yet.
	 * @param defaultOrdering the ordering when the parameters give none
	 * @throws RejectedParameterException for a parameter, ordering, limit or offset that is not allowed
	 */
	<T> QuerySet<T> apply(QuerySet<T> base, MultiValueMap<String, String> parameters, String... defaultOrdering) {
		QuerySet<T> result = base;
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (name.equals(ORDERING) || name.equals(LIMIT) || name.equals(OFFSET)) {
				continue;
			}
			String lookup = this.lookups.get(name);
			if (lookup == null) {
				throw new RejectedParameterException(name, "Unknown or disallowed query parameter '" + name + "'",
						allowedParameters());
			}
			for (String value : parameter.getValue()) {
				result = result.filter(name, value(lookup, value));
			}
		}
		String ordering = single(parameters, ORDERING);
		result = result.orderBy((ordering != null) ? ordering(ordering) : defaultOrdering);
		int offset = number(parameters, OFFSET, 0, Integer.MAX_VALUE - this.maxLimit, 0);
		int limit = number(parameters, LIMIT, 0, this.maxLimit, this.maxLimit);
		return result.slice(offset, offset + limit);
	}

	/** The parameter names a request may use, for error messages. */
	List<String> allowedParameters() {
		List<String> names = new ArrayList<>(this.lookups.keySet());
		names.sort(null);
		names.addAll(List.of(ORDERING, LIMIT, OFFSET));
		return names;
	}

	private static Object value(String lookup, String value) {
		int separator = lookup.lastIndexOf("__");
		return switch ((separator < 0) ? lookup : lookup.substring(separator + 2)) {
			case "in", "range" -> Arrays.asList(value.split(",", -1));
			case "isnull" -> value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : value;
			default -> value;
		};
	}

	private String[] ordering(String ordering) {
		String[] fields = ordering.split(",", -1);
		for (String field : fields) {
			if (!this.orderings.contains(field)) {
				List<String> allowed = new ArrayList<>(this.orderings);
				allowed.sort(null);
				throw new RejectedParameterException(ORDERING, "Cannot order by '" + field + "'", allowed);
			}
		}
		return fields;
	}

	private static int number(MultiValueMap<String, String> parameters, String name, int min, int max, int absent) {
		String value = single(parameters, name);
		if (value == null) {
			return absent;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new RejectedParameterException(name, name + " must be a whole number from " + min + " to " + max
				+ ", not '" + value + "'", List.of());
	}

	private static @Nullable String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new RejectedParameterException(name, name + " is given more than once", List.of());
		}
		return values.get(0);
	}

	/**
	 * A query parameter the endpoint does not accept: a 400 problem detail ({@code spring.mvc.problemdetails.enabled})
	 * whose {@code errors} name the parameter and what it could have been.
	 */
	static final class RejectedParameterException extends ErrorResponseException {

		private static final long serialVersionUID = 1L;

		private final String parameter;

		private final List<String> allowed;

		RejectedParameterException(String parameter, String message, List<String> allowed) {
			super(HttpStatus.BAD_REQUEST, problem(parameter, message, allowed), null);
			this.parameter = parameter;
			this.allowed = List.copyOf(allowed);
		}

		private static ProblemDetail problem(String parameter, String message, List<String> allowed) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
			problem.setTitle("Invalid query parameter");
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("parameter", parameter);
			error.put("message", message);
			if (!allowed.isEmpty()) {
				error.put("allowed", List.copyOf(allowed));
			}
			problem.setProperty("errors", List.of(error));
			return problem;
		}

		/** The parameter at fault. */
		String getParameter() {
			return this.parameter;
		}

		/** What the parameter could have been (or held); empty when the message says it. */
		List<String> getAllowed() {
			return this.allowed;
		}

	}

}
