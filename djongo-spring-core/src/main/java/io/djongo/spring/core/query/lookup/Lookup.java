package io.djongo.spring.core.query.lookup;

import org.bson.conversions.Bson;

/**
 * A Django lookup: the last part of a filter keyword ({@code exact}, {@code icontains}, {@code gt}, {@code in}, ...),
 * turning a converted value into a MongoDB condition. Values reach a lookup already converted to their stored BSON
 * form and never null; a lookup never reads a value as an operator.
 */
public interface Lookup {

	/** The shape of value a lookup takes. */
	enum Shape {

		/** One value of the field's type. */
		SINGLE,

		/** A collection of values of the field's type. */
		LIST,

		/** Exactly two values of the field's type, inclusive bounds. */
		PAIR,

		/** {@code true} or {@code false}. */
		BOOLEAN,

		/** A string, matched as text. */
		TEXT

	}

	/** The lookup's name, as written after {@code __}. */
	String name();

	/** The shape of value this lookup takes. */
	Shape shape();

	/**
	 * The condition on a stored field, in MongoDB's query language.
	 * @param path the dotted stored path
	 * @param value the converted value: a single BSON value, a {@code List} for LIST and PAIR, a Boolean, a String
	 */
	Bson onField(String path, Object value);

	/**
	 * The condition on a computed value, as an aggregation expression for {@code $expr}. Callers guard against
	 * null operands; the lookup only compares.
	 * @param expression the aggregation expression of the value to test
	 * @param value the converted value, or an aggregation expression (an {@code F})
	 */
	Object onExpression(Object expression, Object value);

}
