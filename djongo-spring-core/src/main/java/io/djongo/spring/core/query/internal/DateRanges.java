package io.djongo.spring.core.query.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.djongo.spring.core.query.lookup.ComparisonLookup;
import io.djongo.spring.core.query.lookup.InLookup;
import io.djongo.spring.core.query.lookup.Lookup;
import io.djongo.spring.core.query.lookup.RangeLookup;
import io.djongo.spring.core.query.lookup.Transform;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Django's own optimisation of {@code year} and {@code date} lookups: {@code publishedDate__year=2024} becomes
 * {@code publishedDate >= 2024-01-01 and < 2025-01-01} on the stored field, which uses indexes and needs no
 * {@code $expr}. Bounds are computed in the field's own Java type and stored through the same converter as the
 * field, so they agree with the documents whatever the zone rules of that type.
 */
final class DateRanges {

	private DateRanges() {
	}

	/**
	 * The range filter for a single {@code year} or {@code date} transform, as a function of the stored path it
	 * applies to (so that it can also apply inside an {@code $elemMatch}), or null when none applies.
	 */
	static @Nullable Function<String, Filter> rewrite(Target target, List<Transform> transforms, Lookup lookup,
			Object value, FilterCompiler compiler) {
		if (transforms.size() != 1) {
			return null;
		}
		String transform = transforms.get(0).name();
		if (!transform.equals("year") && !transform.equals("date")) {
			return null;
		}
		boolean year = transform.equals("year");
		Class<?> boundType = year ? Integer.class : LocalDate.class;
		if (lookup == InLookup.IN) {
			List<Object[]> days = new ArrayList<>();
			for (Object element : LookupValues.elements(value, target, lookup)) {
				if (element != null) {
					Object bound = bound(element, boundType, target, compiler);
					days.add(new Object[] { stored(start(bound, year), target, compiler), stored(end(bound, year), target, compiler) });
				}
			}
			return (path) -> Filter.or(days.stream().map((day) -> range(path, day[0], day[1])).toList());
		}
		if (lookup == RangeLookup.RANGE) {
			List<?> bounds = LookupValues.elements(value, target, lookup);
			if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
				return null;
			}
			Object from = stored(start(bound(bounds.get(0), boundType, target, compiler), year), target, compiler);
			Object to = stored(end(bound(bounds.get(1), boundType, target, compiler), year), target, compiler);
			return (path) -> range(path, from, to);
		}
		if (!(lookup instanceof ComparisonLookup comparison)) {
			return null;
		}
		Object bound = bound(value, boundType, target, compiler);
		Object start = stored(start(bound, year), target, compiler);
		Object end = stored(end(bound, year), target, compiler);
		return switch (comparison.name()) {
			case "exact" -> (path) -> range(path, start, end);
			case "gt" -> (path) -> condition(path, "$gte", end);
			case "gte" -> (path) -> condition(path, "$gte", start);
			case "lt" -> (path) -> condition(path, "$lt", start);
			default -> (path) -> condition(path, "$lt", end);
		};
	}

	private static Object bound(Object value, Class<?> type, Target target, FilterCompiler compiler) {
		return compiler.coercion().toJava(value, type, compiler.zone(), target::description);
	}

	private static LocalDate start(Object bound, boolean year) {
		return year ? LocalDate.of(((Number) bound).intValue(), 1, 1) : (LocalDate) bound;
	}

	private static LocalDate end(Object bound, boolean year) {
		return year ? LocalDate.of(((Number) bound).intValue() + 1, 1, 1) : ((LocalDate) bound).plusDays(1);
	}

	private static Filter range(String path, Object start, Object end) {
		return Filter.of(new Document(path, new Document("$gte", start).append("$lt", end)));
	}

	private static Filter condition(String path, String operator, Object bound) {
		return Filter.of(new Document(path, new Document(operator, bound)));
	}

	private static Object stored(LocalDate day, Target target, FilterCompiler compiler) {
		Object java = compiler.coercion().toJava(day, target.valueType(), compiler.zone(), target::description);
		return Objects.requireNonNull(compiler.coercion().toBson(java, target.valueType()),
				() -> target.description() + ": a day has no stored form");
	}

}
