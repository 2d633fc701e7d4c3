package io.djongo.spring.core.query.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;

/**
 * Django's own optimisation of {@code year} and {@code date} lookups, as an {@link Operand}:
 * {@code publishedDate__year=2024} becomes {@code publishedDate >= 2024-01-01 and < 2025-01-01} on the stored field,
 * which uses indexes and needs no {@code $expr}. Values are the transform's own (a year, a {@link LocalDate}); each
 * bound is a day, stored through the given function in the field's own type, so that it agrees with the documents
 * whatever the zone rules of that type.
 */
final class DayRanges implements Operand<Document> {

	private final String path;

	private final boolean year;

	private final Function<LocalDate, Object> stored;

	DayRanges(String path, boolean year, Function<LocalDate, Object> stored) {
		this.path = path;
		this.year = year;
		this.stored = stored;
	}

	private Object start(Object bound) {
		return this.stored.apply(this.year ? LocalDate.of(((Number) bound).intValue(), 1, 1) : (LocalDate) bound);
	}

	private Object end(Object bound) {
		return this.stored.apply(this.year ? LocalDate.of(((Number) bound).intValue() + 1, 1, 1)
				: ((LocalDate) bound).plusDays(1));
	}

	private Document on(Document condition) {
		return new Document(this.path, condition);
	}

	@Override
	public Document compare(Comparison comparison, Object value) {
		return on(switch (comparison) {
			case EQ -> new Document("$gte", start(value)).append("$lt", end(value));
			case GT -> new Document("$gte", end(value));
			case GTE -> new Document("$gte", start(value));
			case LT -> new Document("$lt", start(value));
			case LTE -> new Document("$lt", end(value));
		});
	}

	@Override
	public Document in(List<?> values) {
		List<Document> days = values.stream().map((value) -> compare(Comparison.EQ, value)).toList();
		return (days.size() == 1) ? days.get(0) : new Document("$or", days);
	}

	@Override
	public Document range(Object from, Object to) {
		return on(new Document("$gte", start(from)).append("$lt", end(to)));
	}

	@Override
	public Document isNull(boolean isNull) {
		throw new IllegalStateException("isnull is not a range of days");
	}

	@Override
	public Document matches(String pattern, String options) {
		throw new IllegalStateException("a regular expression is not a range of days");
	}

}
