package io.djongo.spring.core.query.lookup;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code range}: between two bounds, both included, as SQL's {@code BETWEEN} (Spring Data's derived
 * {@code Between} excludes them; Django's range does not).
 */
public final class RangeLookup implements Lookup {

	/** The {@code range} lookup. */
	public static final RangeLookup RANGE = new RangeLookup();

	private RangeLookup() {
	}

	@Override
	public String name() {
		return "range";
	}

	@Override
	public Shape shape() {
		return Shape.PAIR;
	}

	@Override
	public Bson onField(String path, Object value) {
		List<?> bounds = (List<?>) value;
		return new Document(path, new Document("$gte", bounds.get(0)).append("$lte", bounds.get(1)));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		List<?> bounds = (List<?>) value;
		return new Document("$and",
				List.of(new Document("$gte", List.of(expression, Literals.literal(bounds.get(0)))),
						new Document("$lte", List.of(expression, Literals.literal(bounds.get(1))))));
	}

}
