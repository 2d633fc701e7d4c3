package io.djongo.spring.core.query.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.query.Expression;
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
 * transform becomes a range on the stored field instead ({@link DayRanges}); those are {@link ExpressionLookups}.
 * The geo and text lookups, which only the query language has, are {@link GeoTextLookups}; {@link LookupChecks}
 * checks each lookup against its field first. Every lookup becomes a condition in one switch ({@link #condition}),
 * rendered by the {@link Operand} of its language. Negation is {@code $nor}, which keeps documents whose field is
 * null or missing, as Django's {@code exclude} and {@code ~Q} do. Within one AND group (one {@code filter} call or
 * one Q), conditions through the same list of embedded documents must hold for the same element and are combined
 * under one {@code $elemMatch}.
 */
final class FilterCompiler {

	private final TargetResolver targets;

	private final ExpressionCompiler expressions;

	private final LookupValues values;

	private final ExpressionLookups computed;

	private final GeoTextLookups geoText;

	FilterCompiler(TargetResolver targets, ValueCoercion coercion, ExpressionCompiler expressions, ZoneId zone) {
		this.targets = targets;
		this.expressions = expressions;
		this.values = new LookupValues(coercion, zone);
		this.computed = new ExpressionLookups(coercion, expressions, zone, this.values);
		this.geoText = new GeoTextLookups(this.values);
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
	record Leaf(Filter filter, @Nullable String groupPrefix, String storedPath,
			@Nullable Function<String, Filter> condition) {

		static Leaf of(Filter filter) {
			return new Leaf(filter, null, "", null);
		}

		/** The condition at the target's path, kept for an {@code $elemMatch} where the target allows one. */
		static Leaf of(Target target, Function<String, Filter> condition) {
			Filter filter = condition.apply(target.storedPath());
			if (target.groupable()) {
				return new Leaf(filter, target.arrayPrefix(), target.storedPath(), condition);
			}
			return Leaf.of(filter);
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
		LookupChecks.Checked checked = LookupChecks.check(target, value);
		List<Transform> transforms = checked.transforms();
		Lookup lookup = checked.lookup();
		Class<?> type = checked.type();
		Object given = checked.value();
		if (lookup.isQueryOnly()) {
			return Leaf.of(this.geoText.queryOnly(target, transforms, lookup, given, scope, uses, top));
		}
		if (given instanceof Expression other) {
			return Leaf.of(this.computed.fieldComparison(target, transforms, lookup, other, scope, uses));
		}
		if (given instanceof QuerySet<?> queryset) {
			return Leaf.of(this.computed.inQuerySet(target, transforms, lookup, queryset, scope, uses));
		}
		if (!transforms.isEmpty()) {
			return this.computed.transformed(target, transforms, lookup, given, type);
		}
		if (lookup == Lookup.ISNULL && given instanceof Boolean isNull && isIdArray(target)) {
			// no related object: an empty array as much as a missing one
			String path = endsInList(target) ? target.storedPath() + ".0" : target.storedPath();
			Filter any = Filter.of(new Document(path, new Document("$exists", true)));
			return Leaf.of(isNull ? any.not() : any);
		}
		Object converted = this.values.convert(lookup, given, type, target);
		if (converted == null) {
			return Leaf.of(Filter.FALSE);
		}
		Function<String, Filter> condition = target.relationValued()
				? (path) -> Filter.of(condition(lookup, converted, Operand.field(path + "." + target.relatedId())))
				: (path) -> Filter.of(condition(lookup, converted, Operand.field(path)));
		return Leaf.of(target, condition);
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

	/** {@code {$gt: [x, null]}}: true for any value, false for null and missing, which sort below null. */
	static Document notNull(@Nullable Object expression) {
		return new Document("$gt", Arrays.asList(expression, null));
	}

}
