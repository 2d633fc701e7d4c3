package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link Q} trees into MongoDB filters with Django's semantics.
 * <p>
 * Plain lookups become query-language conditions ({@code {title: {$regex: ...}}}), which use indexes and run on
 * every server. Transforms and {@code F()} values become {@code $expr} aggregation expressions guarded so that a
 * null or missing field never matches, as SQL's comparisons with NULL do not; a single {@code year} or {@code date}
 * transform becomes a range on the stored field instead ({@link DayRanges}). Every lookup becomes a condition in
 * one switch ({@link #condition}), rendered by the {@link Operand} of its language. Negation is {@code $nor}, which
 * keeps documents whose field is null or missing, as Django's {@code exclude} and {@code ~Q} do. Within one AND
 * group (one {@code filter} call or one Q), conditions through the same list of embedded documents must hold for
 * the same element and are combined under one {@code $elemMatch}.
 */
final class FilterCompiler {

	private static final String ITEM = "djongoItem";

	private final TargetResolver targets;

	private final ValueCoercion coercion;

	private final ExpressionCompiler expressions;

	private final ZoneId zone;

	private final LookupValues values;

	FilterCompiler(TargetResolver targets, ValueCoercion coercion, ExpressionCompiler expressions, ZoneId zone) {
		this.targets = targets;
		this.coercion = coercion;
		this.expressions = expressions;
		this.zone = zone;
		this.values = new LookupValues(coercion, zone);
	}

	/** The compiled condition and what it reads besides the queried document's own fields. */
	record Compiled(Filter filter, Uses uses) {
	}

	Compiled compile(Q condition, Scope scope) {
		return compile(condition, scope, false);
	}

	/**
	 * Compiles the condition of one call of filter, or of exclude.
	 * @param excluded whether the caller negates the condition, where Django does not apply the same-element rule
	 */
	Compiled compile(Q condition, Scope scope, boolean excluded) {
		return compile(condition, scope, excluded, 0);
	}

	/**
	 * @param subqueryBase the number of the first subquery joined ({@code Exists}, {@code field__in=queryset})
	 */
	Compiled compile(Q condition, Scope scope, boolean excluded, int subqueryBase) {
		Uses uses = new Uses(subqueryBase);
		Filter filter = node(condition, scope, uses, excluded, !excluded);
		return new Compiled(filter, uses);
	}

	/**
	 * The condition of a lookup on its operand: the one place where lookups differ.
	 * @param value the value in its stored form, shaped as the lookup takes it ({@link LookupValues})
	 */
	static <R> R condition(Lookup lookup, Object value, Operand<R> operand) {
		return switch (lookup) {
			case EXACT -> operand.compare(Operand.Comparison.EQ, value);
			case GT -> operand.compare(Operand.Comparison.GT, value);
			case GTE -> operand.compare(Operand.Comparison.GTE, value);
			case LT -> operand.compare(Operand.Comparison.LT, value);
			case LTE -> operand.compare(Operand.Comparison.LTE, value);
			case IN -> operand.in((List<?>) value);
			case RANGE -> operand.range(((List<?>) value).get(0), ((List<?>) value).get(1));
			case ISNULL -> operand.isNull(Boolean.TRUE.equals(value));
			case IEXACT -> operand.matches("^" + escape((String) value) + "\\z", "i");
			case CONTAINS -> operand.matches(escape((String) value), "");
			case ICONTAINS -> operand.matches(escape((String) value), "i");
			case STARTSWITH -> operand.matches("^" + escape((String) value), "");
			case ISTARTSWITH -> operand.matches("^" + escape((String) value), "i");
			case ENDSWITH -> operand.matches(escape((String) value) + "\\z", "");
			case IENDSWITH -> operand.matches(escape((String) value) + "\\z", "i");
			case REGEX -> operand.matches((String) value, "");
			case IREGEX -> operand.matches((String) value, "i");
			case NEAR -> throw new IllegalStateException("near is a $geoNear stage, not a condition");
			case WITHIN, DISTANCE_LT, DISTANCE_LTE -> operand.geoWithin((Document) value);
			case DISTANCE_GT, DISTANCE_GTE -> operand.notGeoWithin((Document) value);
			case INTERSECTS -> operand.geoIntersects((Document) value);
			case SEARCH -> operand.search((String) value);
		};
	}

	private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

	/**
	 * The text as a regular expression matching itself: every character that means something in PCRE or Java
	 * regular expressions is escaped, so that it matches on MongoDB and on the embedded server alike. Letters and
	 * digits never are ({@code \Q...\E} is avoided since the text itself could contain {@code \E}); nothing is
	 * trimmed.
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		text.codePoints().forEach((codePoint) -> {
			if (codePoint < 128 && METACHARACTERS.indexOf(codePoint) >= 0) {
				escaped.append('\\');
			}
			escaped.appendCodePoint(codePoint);
		});
		return escaped.toString();
	}

	/**
	 * @param negated whether the node is under an odd number of negations, where Django does not apply the
	 * same-element rule
	 * @param top whether the node must hold for every document kept: reached from the filter call through ANDs
	 * only, never negated, where MongoDB allows {@code $text} and djongo a {@code near}
	 */
	private Filter node(Q q, Scope scope, Uses uses, boolean negated, boolean top) {
		boolean inverted = negated ^ q.isNegated();
		boolean required = top && !q.isNegated();
		Filter result;
		if (q.isLeaf()) {
			Expression expression = q.expression();
			result = (expression != null) ? truth(expression, scope, uses)
					: leaf(Objects.requireNonNull(q.lookup()), q.value(), scope, uses, required).filter();
		}
		else if (q.connector() == Q.Connector.AND) {
			result = and(q.children(), scope, uses, inverted, required);
		}
		else {
			List<Filter> parts = new ArrayList<>();
			for (Q child : q.children()) {
				parts.add(node(child, scope, uses, inverted, false));
			}
			result = Filter.or(parts);
		}
		return q.isNegated() ? result.not() : result;
	}

	private Filter and(List<Q> children, Scope scope, Uses uses, boolean negated, boolean top) {
		List<Filter> parts = new ArrayList<>();
		Map<String, List<Leaf>> sameElement = new LinkedHashMap<>();
		for (Q child : children) {
			if (child.isLeaf() && !child.isNegated() && child.expression() == null) {
				Leaf leaf = leaf(Objects.requireNonNull(child.lookup()), child.value(), scope, uses, top);
				String prefix = leaf.groupPrefix();
				if (prefix != null && !negated) {
					sameElement.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(leaf);
					continue;
				}
				parts.add(leaf.filter());
			}
			else {
				parts.add(node(child, scope, uses, negated, top));
			}
		}
		sameElement.forEach((prefix, leaves) -> parts.add(elemMatch(prefix, leaves)));
		return Filter.and(parts);
	}

	private static Filter elemMatch(String prefix, List<Leaf> leaves) {
		if (leaves.size() == 1) {
			return leaves.get(0).filter();
		}
		List<Filter> relative = new ArrayList<>();
		for (Leaf leaf : leaves) {
			relative.add(leaf.at().apply(leaf.storedPath().substring(prefix.length() + 1)));
		}
		Filter all = Filter.and(relative);
		if (all.isFalse() || all.isTrue()) {
			return all.isFalse() ? all : Filter.of(new Document(prefix, new Document("$exists", true)));
		}
		return Filter.of(new Document(prefix, new Document("$elemMatch", all.toBson())));
	}

	/**
	 * A compiled lookup. Query-language leaves through a list of embedded or related documents keep how to build
	 * their condition at another path, so that several of them can be combined under one {@code $elemMatch}.
	 */
	private record Leaf(Filter filter, @Nullable String groupPrefix, String storedPath,
			@Nullable Function<String, Filter> condition) {

		static Leaf of(Filter filter) {
			return new Leaf(filter, null, "", null);
		}

		Function<String, Filter> at() {
			return Objects.requireNonNull(this.condition);
		}

	}

	/** A boolean expression ({@code Exists}, a {@code Case} of booleans) as a filter: it holds when true. */
	private Filter truth(Expression expression, Scope scope, Uses uses) {
		Object condition = this.expressions.conditions().truth(expression, ExpressionCompiler.Context.of(scope, uses));
		return Filter.of(new Document("$expr", condition));
	}

	/** @param top whether the lookup must hold for every document kept ({@link #node}) */
	private Leaf leaf(String expression, @Nullable Object value, Scope scope, Uses uses, boolean top) {
		Target target = this.targets.resolve(expression, scope);
		uses.target(target);
		List<Transform> transforms = new ArrayList<>();
		Lookup lookup = Lookup.EXACT;
		Class<?> type = target.valueType();
		List<String> rest = target.rest();
		for (int i = 0; i < rest.size(); i++) {
			String name = rest.get(i);
			Transform transform = Transform.named(name);
			Lookup candidate = Lookup.named(name);
			if (transform != null && (candidate == null || i < rest.size() - 1)) {
				if (target.isContainer() || !transform.appliesTo(type)) {
					throw unsupported(name, type, target);
				}
				transforms.add(transform);
				type = transform.outputType();
			}
			else if (candidate != null && i == rest.size() - 1) {
				lookup = candidate;
			}
			else {
				throw unsupported(name, type, target);
			}
		}
		if (value == null) {
			if (lookup != Lookup.EXACT && lookup != Lookup.IEXACT) {
				throw new InvalidLookupException("Cannot use None as a query value: " + target.description()
						+ " (only exact and iexact accept null; use isnull)");
			}
			lookup = Lookup.ISNULL;
			value = true;
		}
		boolean containerLookup = lookup == Lookup.ISNULL || lookup == Lookup.EXACT;
		// a list of two numbers is a legacy coordinate pair
		boolean legacyPair = lookup.shape() == Lookup.Shape.GEO && target.kind() == FieldDescriptor.Kind.VALUES
				&& (type == double.class || type == Double.class);
		if ((!lookup.appliesTo(type) && !legacyPair) || (target.isContainer() && !containerLookup)) {
			throw unsupported(lookup.lookupName(), type, target);
		}
		if (lookup.isQueryOnly()) {
			return Leaf.of(queryOnly(target, transforms, lookup, value, scope, uses, top));
		}
		if (value instanceof Expression other) {
			return Leaf.of(fieldComparison(target, transforms, lookup, other, scope, uses));
		}
		if (value instanceof QuerySet<?> queryset) {
			return Leaf.of(inQuerySet(target, transforms, lookup, queryset, scope, uses));
		}
		if (!transforms.isEmpty()) {
			return transformed(target, transforms, lookup, value, type);
		}
		if (lookup == Lookup.ISNULL && value instanceof Boolean isNull && isIdArray(target)) {
			// no related object: an empty array as much as a missing one
			String path = endsInList(target) ? target.storedPath() + ".0" : target.storedPath();
			Filter any = Filter.of(new Document(path, new Document("$exists", true)));
			return Leaf.of(isNull ? any.not() : any);
		}
		Object converted = this.values.convert(lookup, value, type, target);
		if (converted == null) {
			return Leaf.of(Filter.FALSE);
		}
		Lookup compare = lookup;
		Function<String, Filter> condition = target.relationValued()
				? (path) -> Filter.of(condition(compare, converted, Operand.field(path + "." + target.relatedId())))
				: (path) -> Filter.of(condition(compare, converted, Operand.field(path)));
		return leafOf(target, condition);
	}

	/**
	 * A geo or text lookup, which only MongoDB's query language has. A {@code near} is not a condition but the
	 * QuerySet's one {@code $geoNear} stage, recorded in the uses; a search is {@code $text}, which MongoDB allows once,
	 * on the collection's text index, in the first stage. Both must hold for every document kept: not negated, not
	 * excluded, not under an OR.
	 */
	private Filter queryOnly(Target target, List<Transform> transforms, Lookup lookup, Object value, Scope scope,
			Uses uses, boolean top) {
		if (!transforms.isEmpty() || value instanceof Expression || value instanceof QuerySet) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup takes a literal value on a stored field, not a transform, an expression or a QuerySet");
		}
		boolean whole = lookup == Lookup.NEAR || lookup == Lookup.SEARCH;
		if (whole && (!target.joins().isEmpty() || target.annotation())) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup works on the model's own fields, not through a relation or on an annotation");
		}
		if (whole && !top) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName() + " lookup cannot be"
					+ " negated, excluded or combined with OR (MongoDB allows "
					+ ((lookup == Lookup.NEAR) ? "$geoNear" : "$text") + " only as a condition every result meets)");
		}
		if (lookup == Lookup.NEAR) {
			io.djongo.spring.core.query.geo.Near near = GeoValues.near(value, target);
			GeoValues.requireSphereIndex(scope.model(), target.storedPath(), target.description());
			uses.geoNear(new GeoNear(target.storedPath(), near.point(),
					(near.minDistance() != null) ? GeoValues.meters(near.minDistance(), target) : null,
					(near.maxDistance() != null) ? GeoValues.meters(near.maxDistance(), target) : null, true,
					target.description()));
			return Filter.TRUE;
		}
		if (lookup == Lookup.SEARCH) {
			TextIndexes.requireIndexed(scope.model(), target);
			uses.text();
		}
		Object converted = Objects.requireNonNull(this.values.convert(lookup, value, target.valueType(), target));
		if (converted instanceof Document shape && shape.get("$centerSphere") instanceof List<?> circle
				&& Double.valueOf(0.0).equals(circle.get(1))) {
			// nothing is closer than no distance; everything with a point is at least that far
			if (lookup == Lookup.DISTANCE_LT) {
				return Filter.FALSE;
			}
			if (lookup == Lookup.DISTANCE_GTE) {
				return Filter.of(condition(Lookup.ISNULL, false, Operand.field(target.storedPath())));
			}
		}
		return Filter.of(condition(lookup, converted, Operand.field(target.storedPath())));
	}

	/** Whether the target's own value is a list: a many-to-many field, or a multi-valued join at the end. */
	private static boolean endsInList(Target target) {
		if (!target.relationValued()) {
			return target.kind() == FieldDescriptor.Kind.MANY_TO_MANY;
		}
		Join last = target.joins().get(0);
		while (!last.children().isEmpty()) {
			last = last.children().get(0);
		}
		return last.multiValued();
	}

	/** Whether the target is a set of related objects: joined documents, or a many-to-many array of ids. */
	private static boolean isIdArray(Target target) {
		return target.relationValued() || target.kind() == FieldDescriptor.Kind.MANY_TO_MANY;
	}

	private static Leaf leafOf(Target target, Function<String, Filter> condition) {
		Filter filter = condition.apply(target.storedPath());
		if (target.groupable()) {
			return new Leaf(filter, target.arrayPrefix(), target.storedPath(), condition);
		}
		return Leaf.of(filter);
	}

	private Leaf transformed(Target target, List<Transform> transforms, Lookup lookup, Object value, Class<?> type) {
		Transform last = transforms.get(transforms.size() - 1);
		Lookup.Shape shape = lookup.shape();
		boolean days = transforms.size() == 1 && (last == Transform.YEAR || last == Transform.DATE)
				&& (shape == Lookup.Shape.SINGLE || shape == Lookup.Shape.LIST || shape == Lookup.Shape.PAIR);
		if (days) {
			Object bounds = this.values.shaped(lookup, value, target, (single) -> toJava(single, type, target));
			if (bounds == null) {
				return Leaf.of(Filter.FALSE);
			}
			boolean year = last == Transform.YEAR;
			return leafOf(target, (path) -> Filter.of(condition(lookup, bounds,
					new DayRanges(path, year, (day) -> storedDay(day, target)))));
		}
		ZoneId in = this.expressions.zoneFor(target.valueType(), null);
		Object converted = this.values.shaped(lookup, value, target,
				(single) -> last.toComparable(toJava(single, type, target), in));
		if (converted == null) {
			return Leaf.of(Filter.FALSE);
		}
		return Leaf.of(expression(target, (input) -> {
			// A null or missing date never matches (the guard), but must not reach a date operator, which fails on it.
			Object computed = new Document("$ifNull", List.of(input, Instant.EPOCH));
			for (Transform transform : transforms) {
				computed = transform.apply(computed, in);
			}
			return guarded(input, lookup, condition(lookup, converted, Operand.computed(computed)));
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

	private Filter fieldComparison(Target target, List<Transform> transforms, Lookup lookup, Expression value,
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
			Object comparison = condition(lookup, new Literals.Computed(rightExpression), Operand.computed(computed));
			return new Document("$and", Arrays.asList(notNull(left), notNull(rightExpression), comparison));
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
	private Filter inQuerySet(Target target, List<Transform> transforms, Lookup lookup, QuerySet<?> queryset,
			Scope scope, Uses uses) {
		if (lookup != Lookup.IN || !transforms.isEmpty() || target.isMultiValued() || target.isContainer()) {
			throw new InvalidLookupException(target.description() + ": a QuerySet as a value works with the in lookup "
					+ "on a single-valued field, as " + target.description().replaceAll("__.*$", "") + "__in");
		}
		Object values = this.expressions.subqueries().values(queryset, ExpressionCompiler.Context.of(scope, uses));
		Object field = "$" + target.storedPath();
		return Filter.of(new Document("$expr",
				new Document("$and", List.of(notNull(field), new Document("$in", List.of(field, values))))));
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
		return new Document("$and", List.of(notNull(input), condition));
	}

	/** {@code {$gt: [x, null]}}: true for any value, false for null and missing, which sort below null. */
	static Document notNull(@Nullable Object expression) {
		return new Document("$gt", Arrays.asList(expression, null));
	}

	private FieldError unsupported(String name, Class<?> type, Target target) {
		String kind = target.isContainer() ? "embedded " + type.getSimpleName() : type.getSimpleName();
		String choices = target.isContainer() ? "exact, isnull, or a field of " + type.getSimpleName()
				: choicesFor(type);
		return new FieldError("Unsupported lookup '" + name + "' for " + kind + " field in '" + target.description()
				+ "'. Choices are: " + choices);
	}

	/** The names of the lookups and transforms that apply to values of a type, sorted, for error messages. */
	private static String choicesFor(Class<?> type) {
		Set<String> names = new TreeSet<>();
		for (Lookup lookup : Lookup.values()) {
			if (lookup.appliesTo(type)) {
				names.add(lookup.lookupName());
			}
		}
		for (Transform transform : Transform.values()) {
			if (transform.appliesTo(type)) {
				names.add(transform.transformName());
			}
		}
		return String.join(", ", names);
	}

}
