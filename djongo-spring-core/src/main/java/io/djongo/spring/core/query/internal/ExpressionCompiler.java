package io.djongo.spring.core.query.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.Case;
import io.djongo.spring.core.query.Exists;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.OuterRef;
import io.djongo.spring.core.query.Subquery;
import io.djongo.spring.core.query.Value;
import io.djongo.spring.core.query.When;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link Expression}s into MongoDB aggregation expressions with SQL's null rules and Django's types: the one
 * place where the kinds of expression are told apart ({@link #compile}); functions go to {@link FunctionCompiler}'s
 * one switch, conditions to {@link ConditionCompiler}, subqueries to {@link Subqueries}, aggregates to the
 * {@link AggregateSink} of the context (reduced per document for {@code annotate}, by {@code $group} accumulators for
 * {@code aggregate()} and grouped {@code values().annotate()}).
 * <p>
 * Every operator used here runs on MongoDB 4.2+ and, unless its function says otherwise, on the embedded server:
 * {@code $cond} rather than {@code $switch}, no {@code $let}; a null or missing input is guarded before operators
 * that fail on it.
 */
final class ExpressionCompiler {

	private final TargetResolver targets;

	private final ValueCoercion coercion;

	private final ZoneId zone;

	private final FunctionCompiler functions;

	private final ConditionCompiler conditions;

	private final Subqueries subqueries;

	ExpressionCompiler(TargetResolver targets, ValueCoercion coercion, ZoneId zone) {
		this.targets = targets;
		this.coercion = coercion;
		this.zone = zone;
		this.functions = new FunctionCompiler(this, zone);
		this.conditions = new ConditionCompiler(this, targets, new LookupValues(coercion, zone), coercion, zone);
		this.subqueries = new Subqueries(this, targets);
	}

	/**
	 * A compiled expression and the Java type of its values ({@link ExpressionTypes}).
	 * @param unresolved why the type could not be inferred (Django's "You must set output_field"), or null: an error
	 * unless an {@code ExpressionWrapper} or {@code Cast} around it gives the type
	 */
	record Result(@Nullable Object expression, Class<?> type, @Nullable String unresolved) {

		Result(@Nullable Object expression, Class<?> type) {
			this(expression, type, null);
		}

		/** This result, failing if its type could not be inferred. */
		Result typed() {
			if (this.unresolved != null) {
				throw new FieldError(this.unresolved);
			}
			return this;
		}

	}

	/** How the aggregates met inside an expression are computed. */
	interface AggregateSink {

		/** The expression of an aggregate's value. */
		Result aggregate(Aggregate aggregate, Context context);

		/** Whether fields may be read outside aggregates (not in {@code aggregate()}). */
		default boolean readsFields() {
			return true;
		}

	}

	/** For filters, orderings and updates, where Django allows no aggregate. */
	static final AggregateSink NO_AGGREGATES = (aggregate, context) -> {
		throw new InvalidLookupException(context.scope().model().name() + ": " + aggregate
				+ " is an aggregate; aggregates are allowed in annotate(), alias() and aggregate() only");
	};

	/**
	 * What an expression is compiled against.
	 * @param scope the model and the annotations it may read
	 * @param uses collects what it reads besides the document's own fields
	 * @param aggregates computes the aggregates inside it
	 */
	record Context(Scope scope, Uses uses, AggregateSink aggregates) {

		static Context of(Scope scope, Uses uses) {
			return new Context(scope, uses, NO_AGGREGATES);
		}

	}

	/** Compiles an expression where no aggregate is allowed. */
	Result compile(Expression expression, Scope scope, Uses uses) {
		return compile(expression, Context.of(scope, uses));
	}

	/** Compiles an expression whose type must be known. */
	Result compile(Expression expression, Context context) {
		return argument(expression, context).typed();
	}

	/**
	 * The one switch over the kinds of expression; {@code Expression} is sealed. The type may be unresolved, for a
	 * function to check or to declare.
	 */
	Result argument(Expression expression, Context context) {
		if (expression instanceof F f) {
			return field(f, context);
		}
		if (expression instanceof Value value) {
			return value(value);
		}
		if (expression instanceof Func func) {
			return this.functions.compile(func, context);
		}
		if (expression instanceof Aggregate aggregate) {
			return context.aggregates().aggregate(aggregate, context);
		}
		if (expression instanceof Case conditional) {
			return conditional(conditional, context);
		}
		if (expression instanceof OuterRef outer) {
			context.uses().outer(outer.field());
			return new Result("$$" + Subqueries.variable(outer.field()), Object.class);
		}
		if (expression instanceof Subquery subquery) {
			return this.subqueries.value(subquery, context);
		}
		return this.subqueries.exists((Exists) expression, context);
	}

	/** A field or annotation, with the transforms written after it ({@code F("publishedDate__year")}). */
	private Result field(F f, Context context) {
		if (!context.aggregates().readsFields()) {
			throw new InvalidLookupException(context.scope().model().name() + ": " + f
					+ " is not an aggregate; aggregate() takes aggregates and expressions over them");
		}
		Target target = this.targets.resolve(f.field(), context.scope());
		if (target.isContainer() || target.isMultiValued() || target.relationValued()) {
			throw new InvalidLookupException(target.description() + ": F() needs a single-valued field, not '"
					+ f.field() + "'");
		}
		context.uses().target(target);
		Object input = "$" + target.storedPath();
		Object computed = input;
		Class<?> type = target.valueType();
		ZoneId transformZone = zoneFor(type, null);
		for (String part : target.rest()) {
			Transform transform = Transform.named(part);
			if (transform == null || !transform.appliesTo(type)) {
				throw new FieldError("Unsupported transform '" + part + "' for " + type.getSimpleName() + " in '"
						+ target.description() + "': F() takes fields and transforms, not lookups");
			}
			computed = transform.apply(computed, transformZone);
			type = transform.outputType();
		}
		if (computed != input) {
			computed = ifNotNull(input, computed);
		}
		return new Result(computed, type);
	}

	/** Whether an expression holds an aggregate anywhere (Django's {@code contains_aggregate}). */
	static boolean containsAggregate(Expression expression) {
		if (expression instanceof Aggregate) {
			return true;
		}
		if (expression instanceof Func func) {
			return func.arguments().stream().anyMatch(ExpressionCompiler::containsAggregate);
		}
		if (expression instanceof Case conditional) {
			return conditional.whens().stream().anyMatch((when) -> containsAggregate(when.result()))
					|| containsAggregate(conditional.otherwise());
		}
		// fields, values and subqueries: a subquery's aggregates are its own
		return false;
	}

	/** A constant in its stored form, kept literal. */
	Result value(Value value) {
		Object constant = value.value();
		if (constant == null) {
			return new Result(null, ExpressionTypes.NULL);
		}
		if (constant instanceof Duration duration) {
			return new Result(duration.toMillis(), Duration.class);
		}
		Class<?> type = (constant instanceof java.util.Map) ? java.util.Map.class
				: (constant instanceof java.util.Collection) ? java.util.List.class : constant.getClass();
		Object stored = constant.getClass().isEnum() ? ((Enum<?>) constant).name() : this.coercion.toBson(constant, type);
		return new Result((stored != null) ? Literals.literal(stored) : null, type);
	}

	/** Nested {@code $cond}s: the first branch whose condition holds, else the default. */
	private Result conditional(Case conditional, Context context) {
		List<Object> conditions = new ArrayList<>();
		List<Object> results = new ArrayList<>();
		List<Class<?>> types = new ArrayList<>();
		for (When when : conditional.whens()) {
			conditions.add(this.conditions.compile(when.condition(), context));
			Result result = compile(when.result(), context);
			results.add(result.expression());
			types.add(result.type());
		}
		Result otherwise = compile(conditional.otherwise(), context);
		types.add(otherwise.type());
		Class<?> type = ExpressionTypes.common(types, context.scope().model().name() + ": " + conditional);
		Object expression = otherwise.expression();
		for (int i = conditions.size() - 1; i >= 0; i--) {
			expression = new Document("$cond", Arrays.asList(conditions.get(i), results.get(i), expression));
		}
		return new Result(expression, type);
	}

	ConditionCompiler conditions() {
		return this.conditions;
	}

	Subqueries subqueries() {
		return this.subqueries;
	}

	TargetResolver targets() {
		return this.targets;
	}

	/**
	 * The zone date parts of values of a type are computed in: the given or configured zone for instants, UTC for
	 * naive dates and date-times, which are stored as if in UTC.
	 */
	ZoneId zoneFor(Class<?> type, @Nullable ZoneId given) {
		if (ExpressionTypes.isNaive(type)) {
			return ZoneOffset.UTC;
		}
		return (given != null) ? given : this.zone;
	}

	/** {@code {$cond: [input is not null, expression, null]}}: operators that fail on null never see it. */
	static Object ifNotNull(@Nullable Object input, @Nullable Object expression) {
		return new Document("$cond", Arrays.asList(FilterCompiler.notNull(input), expression, null));
	}

}
