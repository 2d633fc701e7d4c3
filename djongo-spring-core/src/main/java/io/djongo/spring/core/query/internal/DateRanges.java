package io.djongo.spring.core.query.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

	/** The range filter for a single {@code year} or {@code date} transform, or null when none applies. */
	static @Nullable Filter rewrite(Target target, List<Transform> transforms, Lookup lookup, Object value,
			FilterCompiler compiler) {
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
			List<Filter> ranges = new ArrayList<>();
			for (Object element : FilterCompiler.elements(value, target, lookup)) {
				if (element != null) {
					Object bound = bound(element, boundType, target, compiler);
					ranges.add(range(target, start(bound, year), end(bound, year), compiler));
				}
			}
			return Filter.or(ranges);
		}
		if (lookup == RangeLookup.RANGE) {
			List<?> bounds = FilterCompiler.elements(value, target, lookup);
			if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
				return null;
			}
			return range(target, start(bound(bounds.get(0), boundType, target, compiler), year),
					end(bound(bounds.get(1), boundType, target, compiler), year), compiler);
		}
		if (!(lookup instanceof ComparisonLookup comparison)) {
			return null;
		}
		Object bound = bound(value, boundType, target, compiler);
		LocalDate start = start(bound, year);
		LocalDate end = end(bound, year);
		return switch (comparison.name()) {
			case "exact" -> range(target, start, end, compiler);
			case "gt" -> condition(target, "$gte", end, compiler);
			case "gte" -> condition(target, "$gte", start, compiler);
			case "lt" -> condition(target, "$lt", start, compiler);
			default -> condition(target, "$lt", end, compiler);
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

	private static Filter range(Target target, LocalDate start, LocalDate end, FilterCompiler compiler) {
		return Filter.of(new Document(target.storedPath(),
				new Document("$gte", stored(start, target, compiler)).append("$lt", stored(end, target, compiler))));
	}

	private static Filter condition(Target target, String operator, LocalDate bound, FilterCompiler compiler) {
		return Filter.of(new Document(target.storedPath(), new Document(operator, stored(bound, target, compiler))));
	}

	private static Object stored(LocalDate day, Target target, FilterCompiler compiler) {
		Object java = compiler.coercion().toJava(day, target.valueType(), compiler.zone(), target::description);
		return compiler.coercion().toBson(java, target.valueType());
	}

}
