package io.djongo.spring.core.query.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@link Q} into a boolean aggregation expression, for where a condition is computed rather than
 * matched: the branches of {@code Case}/{@code When} and the filters of aggregates. Lookups keep their meaning in
 * filters: a comparison with a null or missing value does not hold, a negation does (as Django's {@code ~Q}), a
 * lookup on a list holds when it holds for an element, and the text lookups become {@code $regexMatch} (which the
 * embedded server lacks).
 */
final class ConditionCompiler {

	private static final String ITEM = "djongoItem";

	private final ExpressionCompiler expressions;

	private final TargetResolver targets;

	private final LookupValues values;

	private final ValueCoercion coercion;

	private final ZoneId zone;

	ConditionCompiler(ExpressionCompiler expressions, TargetResolver targets, LookupValues values,
			ValueCoercion coercion, ZoneId zone) {
		this.expressions = expressions;
		this.targets = targets;
		this.values = values;
		this.coercion = coercion;
		this.zone = zone;
	}

	/** The condition as a boolean expression: true when it holds, false otherwise (never null). */
	Object compile(Q condition, ExpressionCompiler.Context context) {
		Object result;
		if (condition.isLeaf()) {
			Expression expression = condition.expression();
			result = (expression != null) ? truth(expression, context)
					: leaf(Objects.requireNonNull(condition.lookup()), condition.value(), context);
		}
		else {
			List<Object> parts = new ArrayList<>();
			for (Q child : condition.children()) {
				parts.add(compile(child, context));
			}
			if (parts.isEmpty()) {
				result = condition.connector() == Q.Connector.AND;
			}
			else {
				result = new Document((condition.connector() == Q.Connector.AND) ? "$and" : "$or", parts);
			}
		}
		return condition.isNegated() ? new Document("$not", List.of(result)) : result;
	}

	/** A boolean expression as a condition: it holds when it is {@code true}. */
	Object truth(Expression expression, ExpressionCompiler.Context context) {
		ExpressionCompiler.Result compiled = this.expressions.compile(expression, context);
		ExpressionTypes.Kind kind = ExpressionTypes.kind(compiled.type());
		if (kind != ExpressionTypes.Kind.BOOLEAN && kind != ExpressionTypes.Kind.UNKNOWN) {
			throw new FieldError("Cannot filter against a non-conditional expression: " + expression + " is a "
					+ compiled.type().getSimpleName() + " (" + context.scope().model().name() + ")");
		}
		return new Document("$eq", Arrays.asList(compiled.expression(), true));
	}

	private Object leaf(String expression, @Nullable Object value, ExpressionCompiler.Context context) {
		Target target = this.targets.resolve(expression, context.scope());
		context.uses().target(target);
		List<Transform> transforms = new ArrayList<>();
		Lookup lookup = Lookup.EXACT;
		Class<?> type = target.valueType();
		List<String> rest = target.rest();
		for (int i = 0; i < rest.size(); i++) {
			String name = rest.get(i);
			Transform transform = Transform.named(name);
			Lookup candidate = Lookup.named(name);
			if (transform != null && (candidate == null || i < rest.size() - 1) && transform.appliesTo(type)
					&& !target.isContainer()) {
				transforms.add(transform);
				type = transform.outputType();
			}
			else if (candidate != null && i == rest.size() - 1) {
				lookup = candidate;
			}
			else {
				throw new FieldError("Unsupported lookup '" + name + "' for " + type.getSimpleName() + " field in '"
						+ target.description() + "'");
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
		if (!lookup.appliesTo(type)) {
			throw new FieldError("Unsupported lookup '" + lookup.lookupName() + "' for " + type.getSimpleName()
					+ " field in '" + target.description() + "'");
		}
		if (lookup.isQueryOnly()) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName() + " lookup works in "
					+ "filter() and exclude() only, not in When or an aggregate's filter (MongoDB has no aggregation "
					+ "expression for it)");
		}
		if (value instanceof QuerySet) {
			throw new InvalidLookupException(target.description()
					+ ": a QuerySet as a value works in filter() and exclude() only, not in When or an aggregate's filter");
		}
		Object right;
		if (value instanceof Expression other) {
			if (lookup.shape() != Lookup.Shape.SINGLE) {
				throw new InvalidLookupException(target.description()
						+ ": expression values work with exact, gt, gte, lt and lte, not " + lookup.lookupName());
			}
			ExpressionCompiler.Result compiled = this.expressions.compile(other, context);
			right = new Literals.Computed(compiled.expression());
		}
		else if (!transforms.isEmpty()) {
			Transform last = transforms.get(transforms.size() - 1);
			Class<?> valueType = type;
			Class<?> fieldType = target.valueType();
			right = this.values.shaped(lookup, value, target, (single) -> last.toComparable(
					this.coercion.toJava(single, valueType, this.zone, target::description),
					this.expressions.zoneFor(fieldType, null)));
		}
		else {
			right = this.values.convert(lookup, value, type, target);
		}
		if (right == null) {
			// an empty "in": nothing matches
			return false;
		}
		Lookup compare = lookup;
		Object converted = right;
		Class<?> fieldType = target.valueType();
		java.util.function.Function<Object, Object> condition = (input) -> {
			Object computed = input;
			if (!transforms.isEmpty()) {
				computed = new Document("$ifNull", List.of(input, Instant.EPOCH));
				for (Transform transform : transforms) {
					computed = transform.apply(computed, this.expressions.zoneFor(fieldType, null));
				}
			}
			Object test = FilterCompiler.condition(compare, converted, Operand.computed(computed));
			if (compare == Lookup.ISNULL) {
				return test;
			}
			List<Object> guards = new ArrayList<>();
			guards.add(FilterCompiler.notNull(input));
			if (converted instanceof Literals.Computed other) {
				guards.add(FilterCompiler.notNull(other.expression()));
			}
			guards.add(test);
			return new Document("$and", guards);
		};
		String path = "$" + target.storedPath() + (target.relationValued() ? "." + target.relatedId() : "");
		if (!target.isMultiValued()) {
			return condition.apply(path);
		}
		if (lookup == Lookup.ISNULL) {
			// no element at all, as a filter's isnull on a list
			Object size = new Document("$size", new Document("$ifNull", Arrays.asList(path, List.of())));
			return new Document(Boolean.TRUE.equals(value) ? "$eq" : "$gt", Arrays.asList(size, 0));
		}
		return target.anyValue(ITEM, condition::apply);
	}

}
