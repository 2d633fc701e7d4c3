package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Q;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Compiles aggregates with SQL's null rules: they skip nulls, {@code Count} of nothing is 0 and the others are null,
 * a filter ({@code Count.of("id").filter(Q.of(...))}) keeps the values of the documents meeting it.
 * <p>
 * An aggregate function is reduced in one switch ({@link #reduce}) by one of two {@link Reduction}s: over an array
 * of a document's values (an annotation over a list or a relation, and distinct values), or by the accumulators of a
 * {@code $group} ({@link Group}: {@code aggregate(...)} and grouped {@code values().annotate()}).
 */
final class Aggregations {

	private static final String VALUE = "djongoValue";

	private final TargetResolver targets;

	private final ExpressionCompiler expressions;

	Aggregations(TargetResolver targets, ExpressionCompiler expressions) {
		this.targets = targets;
		this.expressions = expressions;
	}

	/**
	 * The per-document value of an aggregate in {@code annotate}: over the document's own value (Django groups by
	 * the primary key: one row), its lists, or related documents.
	 * @param restricted the join of the related documents to aggregate, when only some of them count (Django's
	 * filter-before-annotate rule and the aggregate's filter over a relation), else null
	 * @param applyCondition whether the aggregate's filter applies to the document itself (it is not over a relation)
	 */
	ExpressionCompiler.Result annotation(Aggregate aggregate, ExpressionCompiler.Context context,
			@Nullable Join restricted, boolean applyCondition) {
		Aggregate.Function function = aggregate.function();
		Object condition = applyCondition ? condition(aggregate, context) : null;
		Source source = source(aggregate, context, restricted);
		Class<?> type = valueType(function, source.type());
		if (!source.multi()) {
			Object value = (condition != null) ? new Document("$cond", Arrays.asList(condition, source.value(), null))
					: source.value();
			return new ExpressionCompiler.Result(single(aggregate, value), type);
		}
		if (function == Aggregate.Function.COUNT && !aggregate.isDistinct() && source.relation() && condition == null) {
			// joined documents are never null: their number is the array's size
			return new ExpressionCompiler.Result(
					new Document("$size", new Document("$ifNull", Arrays.asList(source.value(), List.of()))), type);
		}
		Object array = (condition != null)
				? new Document("$cond", Arrays.asList(condition, source.value(), List.of())) : source.value();
		Object values = aggregate.isDistinct() ? new Document("$setUnion", List.of(nonNull(array), List.of()))
				: nonNull(array);
		return new ExpressionCompiler.Result(reduce(aggregate, new OverArray(values)), type);
	}

	/** An aggregate of one value (null or not), as SQL computes it over a group of one row. */
	private static @Nullable Object single(Aggregate aggregate, @Nullable Object value) {
		return switch (aggregate.function()) {
			case COUNT -> new Document("$cond", Arrays.asList(FilterCompiler.notNull(value), 1, 0));
			case SUM, AVG, MIN, MAX -> value;
			// one value deviates by 0 from its mean; a sample of one has no deviation
			case STD_DEV, VARIANCE -> aggregate.isSample() ? null
					: new Document("$cond", Arrays.asList(FilterCompiler.notNull(value), 0.0, null));
		};
	}

	/**
	 * The accumulators of one {@code $group} and the expressions computing each aggregate from them: the sink of
	 * {@code aggregate(...)} and of grouped annotations. Accumulators are named {@code prefix + n}.
	 */
	final class Group implements ExpressionCompiler.AggregateSink {

		private final Document accumulators;

		private final String prefix;

		private final boolean readsFields;

		private final Restriction restriction;

		private int next;

		/**
		 * @param accumulators where accumulators are added
		 * @param readsFields whether expressions may read fields outside aggregates (they are then group keys)
		 * @param restriction the join of the related rows an aggregate over a many-valued relation counts
		 */
		Group(Document accumulators, String prefix, boolean readsFields, Restriction restriction) {
			this.accumulators = accumulators;
			this.prefix = prefix;
			this.readsFields = readsFields;
			this.restriction = restriction;
		}

		@Override
		public boolean readsFields() {
			return this.readsFields;
		}

		@Override
		public ExpressionCompiler.Result aggregate(Aggregate aggregate, ExpressionCompiler.Context context) {
			// the fields inside an aggregate are read per document, whatever the expression around it
			ExpressionCompiler.Context perDocument = new ExpressionCompiler.Context(context.scope(), context.uses(),
					ExpressionCompiler.NO_AGGREGATES);
			String key = this.prefix + this.next++;
			// over a many-valued relation, Django's filters pick the related rows counted, not the documents
			Join restricted = this.restriction.of(aggregate, key, perDocument.scope());
			Object condition = (restricted != null) ? null : condition(aggregate, perDocument);
			Source source = source(aggregate, perDocument, restricted);
			Class<?> type = valueType(aggregate.function(), source.type());
			Object value = source.value();
			if (condition != null) {
				value = new Document("$cond", Arrays.asList(condition, value, source.multi() ? List.of() : null));
			}
			if (aggregate.isDistinct()) {
				this.accumulators.append(key,
						new Document(source.multi() ? "$push" : "$addToSet", source.multi() ? nonNull(value) : value));
				Object values = source.multi() ? new Document("$reduce", new Document("input", "$" + key)
					.append("initialValue", List.of())
					.append("in", new Document("$setUnion", List.of("$$value", "$$this")))) : filterNonNull("$" + key);
				return new ExpressionCompiler.Result(reduce(aggregate, new OverArray(values)), type);
			}
			return new ExpressionCompiler.Result(
					reduce(aggregate, new OverGroup(key, value, source.multi(), this.accumulators)), type);
		}

	}

	/**
	 * The join of the related documents an aggregate over a many-valued relation counts when Django's rules restrict
	 * them (the aggregate's filter, a filter on the relation before it), or null when nothing restricts them.
	 */
	@FunctionalInterface
	interface Restriction {

		@Nullable Join of(Aggregate aggregate, String suffix, Scope scope);

	}

	/** The condition of an aggregate's filter, as an aggregation expression, or null. */
	private @Nullable Object condition(Aggregate aggregate, ExpressionCompiler.Context context) {
		Q condition = aggregate.condition();
		return (condition != null) ? this.expressions.conditions().compile(condition, context) : null;
	}

	/**
	 * What is aggregated, per document.
	 * @param value the value, or the array of values when multi
	 * @param type the Java type of one value
	 * @param multi whether a document holds several values (a list, a relation)
	 * @param relation whether the values are joined documents
	 */
	private record Source(@Nullable Object value, Class<?> type, boolean multi, boolean relation) {
	}

	private Source source(Aggregate aggregate, ExpressionCompiler.Context context, @Nullable Join restricted) {
		if (!(aggregate.source() instanceof F f)) {
			ExpressionCompiler.Result compiled = this.expressions.compile(aggregate.source(), context);
			checkNumeric(aggregate, compiled.type(), context.scope().model().name() + ": " + aggregate);
			return new Source(compiled.expression(), compiled.type(), false, false);
		}
		Target target = target(aggregate, f.field(), context.scope(), restricted);
		context.uses().target(target);
		boolean multi = target.isMultiValued() || target.kind() == FieldDescriptor.Kind.VALUES;
		return new Source("$" + target.storedPath(), target.valueType(), multi, target.relationValued());
	}

	/** The Java type of an aggregate's values, by Django's output fields. */
	static Class<?> valueType(Aggregate.Function function, Class<?> source) {
		ExpressionTypes.Kind kind = ExpressionTypes.kind(source);
		return switch (function) {
			case COUNT -> Number.class;
			case SUM -> (kind == ExpressionTypes.Kind.INTEGER) ? Number.class : source;
			case AVG, STD_DEV, VARIANCE -> (kind == ExpressionTypes.Kind.DECIMAL) ? BigDecimal.class : Double.class;
			case MIN, MAX -> source;
		};
	}

	/**
	 * How an aggregate function is computed, one method per function: the one switch over them is {@link #reduce}.
	 */
	private interface Reduction {

		Object count();

		Object sum();

		Object avg();

		/** {@code $min} or {@code $max}. */
		Object extreme(String operator);

		/** {@code $stdDevPop} or {@code $stdDevSamp}. */
		Object deviation(String operator);

	}

	private static Object reduce(Aggregate aggregate, Reduction reduction) {
		String deviation = aggregate.isSample() ? "$stdDevSamp" : "$stdDevPop";
		return switch (aggregate.function()) {
			case COUNT -> reduction.count();
			case SUM -> reduction.sum();
			case AVG -> reduction.avg();
			case MIN -> reduction.extreme("$min");
			case MAX -> reduction.extreme("$max");
			case STD_DEV -> reduction.deviation(deviation);
			case VARIANCE -> new Document("$pow", Arrays.asList(reduction.deviation(deviation), 2));
		};
	}

	/** Over an array expression of non-null values, in one document. */
	private record OverArray(Object values) implements Reduction {

		@Override
		public Object count() {
			return new Document("$size", this.values);
		}

		@Override
		public Object sum() {
			return ifAny(new Document("$size", this.values), new Document("$sum", this.values));
		}

		@Override
		public Object avg() {
			return new Document("$avg", this.values);
		}

		@Override
		public Object extreme(String operator) {
			return new Document(operator, this.values);
		}

		@Override
		public Object deviation(String operator) {
			return new Document(operator, this.values);
		}

	}

	/**
	 * Over the documents of a {@code $group}: accumulators added under {@code key} (and {@code key + "n"}, the number
	 * of values), the value to compute from them returned.
	 * @param value the per-document value, or the array of values when multi
	 */
	private record OverGroup(String key, @Nullable Object value, boolean multi, Document group) implements Reduction {

		private @Nullable Object perDocument() {
			return this.multi ? nonNull(this.value) : this.value;
		}

		/** How many values a document has. */
		private Object count(@Nullable Object perDocument) {
			return this.multi ? new Document("$size", perDocument)
					: new Document("$cond", Arrays.asList(FilterCompiler.notNull(this.value), 1, 0));
		}

		@Override
		public Object count() {
			this.group.append(this.key, new Document("$sum", count(perDocument())));
			return "$" + this.key;
		}

		@Override
		public Object sum() {
			Object perDocument = perDocument();
			this.group.append(this.key, new Document("$sum", this.multi ? new Document("$sum", perDocument) : this.value));
			this.group.append(this.key + "n", new Document("$sum", count(perDocument)));
			return ifAny("$" + this.key + "n", "$" + this.key);
		}

		@Override
		public Object avg() {
			if (!this.multi) {
				this.group.append(this.key, new Document("$avg", this.value));
				return "$" + this.key;
			}
			Object perDocument = perDocument();
			this.group.append(this.key, new Document("$sum", new Document("$sum", perDocument)));
			this.group.append(this.key + "n", new Document("$sum", count(perDocument)));
			return ifAny("$" + this.key + "n", new Document("$divide", List.of("$" + this.key, "$" + this.key + "n")));
		}

		@Override
		public Object extreme(String operator) {
			this.group.append(this.key,
					new Document(operator, this.multi ? new Document(operator, perDocument()) : this.value));
			return "$" + this.key;
		}

		@Override
		public Object deviation(String operator) {
			if (!this.multi) {
				this.group.append(this.key, new Document(operator, this.value));
				return "$" + this.key;
			}
			// the values of every document's list, together
			this.group.append(this.key, new Document("$push", perDocument()));
			return new Document(operator, new Document("$reduce", new Document("input", "$" + this.key)
				.append("initialValue", List.of())
				.append("in", new Document("$concatArrays", List.of("$$value", "$$this")))));
		}

	}

	private static Object ifAny(Object count, Object value) {
		return new Document("$cond", Arrays.asList(new Document("$gt", List.of(count, 0)), value, null));
	}

	/** The non-null elements of an array value; a null or missing array is empty. */
	private static Object nonNull(@Nullable Object array) {
		return filterNonNull(new Document("$ifNull", Arrays.asList(array, List.of())));
	}

	/** {@code $filter} with a named variable: the embedded server does not know the default {@code $$this}. */
	private static Object filterNonNull(Object array) {
		return new Document("$filter", new Document("input", array).append("as", VALUE)
			.append("cond", FilterCompiler.notNull("$$" + VALUE)));
	}

	private Target target(Aggregate aggregate, String field, Scope scope, @Nullable Join restricted) {
		Target target = this.targets.resolve(field, scope, restricted);
		boolean count = aggregate.function() == Aggregate.Function.COUNT;
		if (!target.rest().isEmpty() || (target.isContainer() && !count)) {
			throw new InvalidLookupException(target.description() + ": " + aggregate.function().displayName()
					+ " needs a field holding values, not '" + field + "'");
		}
		checkNumeric(aggregate, target.valueType(), target.description());
		return target;
	}

	private static void checkNumeric(Aggregate aggregate, Class<?> valueType, String description) {
		Aggregate.Function function = aggregate.function();
		boolean numeric = function == Aggregate.Function.AVG || function == Aggregate.Function.STD_DEV
				|| function == Aggregate.Function.VARIANCE;
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(valueType);
		ExpressionTypes.Kind kind = ExpressionTypes.kind(type);
		if (numeric && !kind.isNumber() && kind != ExpressionTypes.Kind.UNKNOWN && kind != ExpressionTypes.Kind.NULL) {
			throw new InvalidLookupException(description + ": " + function.displayName() + " needs a numeric field, not "
					+ type.getSimpleName());
		}
	}

}
