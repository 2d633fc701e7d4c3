package io.djongo.spring.core.query.lookup;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code in}: the value is one of a collection. Null elements are ignored and an empty collection matches nothing,
 * as in Django; the compiler handles both before a command is built.
 */
public final class InLookup implements Lookup {

	/** The {@code in} lookup. */
	public static final InLookup IN = new InLookup();

	private InLookup() {
	}

	@Override
	public String name() {
		return "in";
	}

	@Override
	public Shape shape() {
		return Shape.LIST;
	}

	@Override
	public Bson onField(String path, Object value) {
		return new Document(path, new Document("$in", value));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		List<?> values = (List<?>) value;
		return new Document("$or", values.stream()
			.map((candidate) -> new Document("$eq", List.of(expression, Literals.literal(candidate))))
			.toList());
	}

}
