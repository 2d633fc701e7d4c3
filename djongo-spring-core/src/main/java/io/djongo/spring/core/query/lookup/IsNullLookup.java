package io.djongo.spring.core.query.lookup;

import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code isnull}: {@code true} matches a null or missing field, {@code false} a present, non-null one.
 */
public final class IsNullLookup implements Lookup {

	/** The {@code isnull} lookup. */
	public static final IsNullLookup ISNULL = new IsNullLookup();

	private IsNullLookup() {
	}

	@Override
	public String name() {
		return "isnull";
	}

	@Override
	public Shape shape() {
		return Shape.BOOLEAN;
	}

	@Override
	public Bson onField(String path, Object value) {
		return new Document(path, new Document(Boolean.TRUE.equals(value) ? "$eq" : "$ne", null));
	}

	@Override
	public Object onExpression(Object expression, Object value) {
		// In aggregation order a missing value sorts below null, so "<= null" means null or missing.
		List<Object> operands = Arrays.asList(expression, null);
		return new Document(Boolean.TRUE.equals(value) ? "$lte" : "$gt", operands);
	}

}
