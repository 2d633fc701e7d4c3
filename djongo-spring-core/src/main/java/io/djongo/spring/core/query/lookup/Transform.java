package io.djongo.spring.core.query.lookup;

import java.time.ZoneId;

/**
 * A Django transform: a part between the field and the lookup ({@code year} in {@code publishedDate__year__gte}),
 * computing a value from the field as an aggregation expression. Transforms chain.
 */
public interface Transform {

	/** The transform's name, as written after {@code __}. */
	String name();

	/** The Java type of the computed value: what the following lookup compares with. */
	Class<?> outputType();

	/** Whether the transform applies to values of the given Java type. */
	boolean appliesTo(Class<?> type);

	/**
	 * The aggregation expression computing the value.
	 * @param input the aggregation expression of the field (or of the previous transform)
	 * @param zone the time zone of date transforms
	 */
	Object apply(Object input, ZoneId zone);

	/**
	 * A lookup value of {@link #outputType()} in the form the computed value has.
	 * @param value a value already of {@link #outputType()}
	 * @param zone the time zone of date transforms
	 */
	default Object toComparable(Object value, ZoneId zone) {
		return value;
	}

}
