package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;

/**
 * The {@link FilterCompiler}'s lookups that a condition on the stored field cannot express: through transforms,
 * against {@code F()} and other expressions, against a QuerySet's values. Each becomes an {@code $expr} guarded so
 * that a null or missing field never matches; but a single {@code year} or {@code date} transform becomes a range of
 * days on the stored field ({@link DayRanges}), which uses indexes.
 */
final class ExpressionLookups {

	private static final String ITEM = "djongoItem";

	private final ValueCoercion coercion;

	private final ExpressionCompiler expressions;

	private final ZoneId zone;

	private final LookupValues values;

	ExpressionLookups(ValueCoercion coercion, ExpressionCompiler expressions, ZoneId zone, LookupValues values) {
		this.coercion = coercion;
		this.expressions = expressions;
		this.zone = zone;
		this.values = values;
	}

	FilterCompiler.Leaf transformed(Target target, List<Transform> transforms, Lookup lookup, Object value, Class<?> type) {
		Transform last = transforms.get(transforms.size() - 1);
		Lookup.Shape shape = lookup.shape();
		boolean days = transforms.size() == 1 && (last == Transform.YEAR || last == Transform.DATE)
				&& (shape == Lookup.Shape.SINGLE || shape == Lookup.Shape.LIST || shape == Lookup.Shape.PAIR);
		if (days) {
			Object bounds = this.values.shaped(lookup, value, target, (single) -> toJava(single, type, target));
			if (bounds == null) {
				return FilterCompiler.Leaf.of(Filter.FALSE);
			}
			boolean year = last == Transform.YEAR;
			return FilterCompiler.Leaf.of(target, (path) -> Filter.of(FilterCompiler.condition(lookup, bounds,
					new DayRanges(path, year, (day) -> storedDay(day, target)))));
		}
		ZoneId in = this.expressions.zoneFor(target.valueType(), null);
		Object converted = this.values.shaped(lookup, value, target,
				(single) -> last.toComparable(toJava(single, type, target), in));
		if (converted == null) {
			return FilterCompiler.Leaf.of(Filter.FALSE);
		}
		return FilterCompiler.Leaf.of(expression(target, (input) -> {
			// A null or missing date never matches (the guard), but must not reach a date operator, which fails on it.
			Object computed = new Document("$ifNull", List.of(input, Instant.EPOCH));
			for (Transform transform : transforms) {
				computed = transform.apply(computed, in);
			}
			return guarded(input, lookup, FilterCompiler.condition(lookup, converted, Operand.computed(computed)));
		}));
	}

	private Object toJava(Object value, Class<?> type, Target target) {
		return this.coercion.toJava(value, type, this.zone, target::description);
	}

	/** The start of a day in the stored form of the target's own type. */
	private Object storedDay(LocalDate day, Target target) {
		Object java = this.coercion.toJava(day, target.valueType(), this.zone, target::description);
		return Objects.requireNonNull(this.coercion.toBson(java, target.valueType()));
	}

	Filter fieldComparison(Target target, List<Transform> transforms, Lookup lookup, Expression value,
			Scope scope, Uses uses) {
		String kind = (value instanceof F) ? "F()" : "Expression";
		if (lookup.shape() != Lookup.Shape.SINGLE) {
			throw new InvalidLookupException(target.description()
					+ ": " + kind + " values work with exact, gt, gte, lt and lte, not " + lookup.lookupName());
		}
		ExpressionCompiler.Result right = this.expressions.compile(value, scope, uses);
		Object rightExpression = right.expression();
		ZoneId in = this.expressions.zoneFor(target.valueType(), null);
		Function<Object, Object> compare = (left) -> {
			// a null or missing date never matches (the guard), but must not reach a date operator, which fails on it
			Object computed = transforms.isEmpty() ? left : new Document("$ifNull", List.of(left, Instant.EPOCH));
			for (Transform transform : transforms) {
				computed = transform.apply(computed, in);
			}
			Object comparison = FilterCompiler.condition(lookup, new Literals.Computed(rightExpression), Operand.computed(computed));
			return new Document("$and", Arrays.asList(FilterCompiler.notNull(left), FilterCompiler.notNull(rightExpression), comparison));
		};
		if (!target.isMultiValued()) {
			String left = "$" + target.storedPath() + (target.relationValued() ? "." + target.relatedId() : "");
			return Filter.of(new Document("$expr", compare.apply(left)));
		}
		// through a list (a many-to-many, a reverse relation): some element compares, as Django's join finds a row
		return Filter.of(new Document("$expr", target.anyValue(ITEM, compare)));
	}

	/**
	 * Django's {@code field__in=queryset}: the QuerySet's values (its ids for models) joined by a subquery, the
	 * field among them; a null or missing field is in nothing.
	 */
	Filter inQuerySet(Target target, List<Transform> transforms, Lookup lookup, QuerySet<?> queryset,
			Scope scope, Uses uses) {
		if (lookup != Lookup.IN || !transforms.isEmpty() || target.isMultiValued() || target.isContainer()) {
			throw new InvalidLookupException(target.description() + ": a QuerySet as a value works with the in lookup "
					+ "on a single-valued field, as " + target.description().replaceAll("__.*$", "") + "__in");
		}
		Object values = this.expressions.subqueries().values(queryset, ExpressionCompiler.Context.of(scope, uses));
		Object field = "$" + target.storedPath();
		return Filter.of(new Document("$expr",
				new Document("$and", List.of(FilterCompiler.notNull(field), new Document("$in", List.of(field, values))))));
	}

	private Filter expression(Target target, Function<Object, Object> condition) {
		if (!target.isMultiValued()) {
			return Filter.of(new Document("$expr", condition.apply("$" + target.storedPath())));
		}
		Object values = new Document("$ifNull", Arrays.asList("$" + target.storedPath(), List.of()));
		Object any = new Document("$anyElementTrue", List.of(new Document("$map",
				new Document("input", values).append("as", ITEM).append("in", condition.apply("$$" + ITEM)))));
		return Filter.of(new Document("$expr", any));
	}

	private static Object guarded(Object input, Lookup lookup, Object condition) {
		if (lookup == Lookup.ISNULL) {
			return condition;
		}
		return new Document("$and", List.of(FilterCompiler.notNull(input), condition));
	}

}
