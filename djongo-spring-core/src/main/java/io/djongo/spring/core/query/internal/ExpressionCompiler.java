package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.query.Aggregate;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Compiles {@link F} expressions and aggregates into aggregation expressions, with SQL's null rules: arithmetic with
 * null is null, aggregates skip nulls, {@code Count} of nothing is 0 and the others are null.
 * <p>
 * An aggregate function is reduced in one switch ({@link #reduce}) by one of two {@link Reduction}s: over an array
 * of a document's values (an annotation over a list or a relation, and the distinct values of {@code aggregate}),
 * or by the accumulators of a {@code $group} over the documents ({@code aggregate(...)}).
 */
final class ExpressionCompiler {

	private final TargetResolver targets;

	ExpressionCompiler(TargetResolver targets) {
		this.targets = targets;
	}

	/** A compiled expression and what it reads besides the document's own fields. */
	record Compiled(Object expression, Uses uses) {
	}

	Compiled compile(F f, Scope scope) {
		Uses uses = new Uses();
		return new Compiled(compile(f, scope, uses), uses);
	}

	private Object compile(F f, Scope scope, Uses uses) {
		F.Operator operator = f.operator();
		if (operator == null) {
			Target target = scalar(Objects.requireNonNull(f.field()), scope);
			uses.target(target);
			return "$" + target.storedPath();
		}
		List<Object> operands = new ArrayList<>();
		for (Object operand : f.operands()) {
			operands.add((operand instanceof F nested) ? compile(nested, scope, uses) : operand);
		}
		return new Document(operator.mongoOperator(), operands);
	}

	/**
	 * The per-document value of an annotation over the document's own fields and lists, or over related documents.
	 * @param restricted the join of the related documents to aggregate, when only some of them count (Django's
	 * filter-before-annotate rule and {@code Count.of(...).filter(...)}), else null
	 */
	Object annotation(Aggregate aggregate, Scope scope, Uses uses, @Nullable Join restricted) {
		Target target = target(aggregate, scope, restricted);
		uses.target(target);
		String path = "$" + target.storedPath();
		boolean count = aggregate.function() == Aggregate.Function.COUNT;
		if (!target.isMultiValued() && target.kind() != FieldDescriptor.Kind.VALUES) {
			return count ? new Document("$cond", Arrays.asList(FilterCompiler.notNull(path), 1, 0)) : path;
		}
		if (count && !aggregate.isDistinct() && target.relationValued()) {
			// joined documents are never null: their number is the array's size
			return new Document("$size", new Document("$ifNull", Arrays.asList(path, List.of())));
		}
		Object values = aggregate.isDistinct() ? new Document("$setUnion", List.of(nonNull(path), List.of()))
				: nonNull(path);
		return reduce(aggregate.function(), new OverArray(values));
	}

	/**
	 * The {@code $group} accumulators and the following {@code $project} of {@code aggregate(...)}: one document
	 * with one key per aggregate.
	 */
	record GroupStage(Document group, Document project) {
	}

	GroupStage group(List<Aggregate> aggregates, Scope scope, Uses uses) {
		Document group = new Document("_id", null);
		Document project = new Document("_id", 0);
		int index = 0;
		for (Aggregate aggregate : aggregates) {
			String key = "a" + index++;
			Target target = target(aggregate, scope, null);
			uses.target(target);
			String path = "$" + target.storedPath();
			boolean multi = target.isMultiValued() || target.kind() == FieldDescriptor.Kind.VALUES;
			if (aggregate.isDistinct()) {
				group.append(key, new Document(multi ? "$push" : "$addToSet", multi ? nonNull(path) : path));
				Object values = multi
						? new Document("$reduce", new Document("input", "$" + key).append("initialValue", List.of())
							.append("in", new Document("$setUnion", List.of("$$value", "$$this"))))
						: filterNonNull("$" + key);
				project.append(aggregate.key(), reduce(aggregate.function(), new OverArray(values)));
			}
			else {
				project.append(aggregate.key(), reduce(aggregate.function(), new OverGroup(key, path, multi, group)));
			}
		}
		return new GroupStage(group, project);
	}

	/** The Java type of an annotation's values, for the lookups that compare with it. */
	static Class<?> valueType(Aggregate aggregate) {
		return (aggregate.function() == Aggregate.Function.AVG) ? Double.class : Number.class;
	}

	/**
	 * How an aggregate function is computed, one method per function: the one switch over them is
	 * {@link #reduce}.
	 */
	private interface Reduction {

		Object count();

		Object sum();

		Object avg();

		/** {@code $min} or {@code $max}. */
		Object extreme(String operator);

	}

	private static Object reduce(Aggregate.Function function, Reduction reduction) {
		return switch (function) {
			case COUNT -> reduction.count();
			case SUM -> reduction.sum();
			case AVG -> reduction.avg();
			case MIN -> reduction.extreme("$min");
			case MAX -> reduction.extreme("$max");
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

	}

	/**
	 * Over the documents of a {@code $group}: accumulators added under {@code key} (and {@code key + "n"}, the
	 * number of values), the value to project returned.
	 * @param path the field, as {@code "$path"}
	 * @param multi whether the field holds several values per document
	 */
	private record OverGroup(String key, String path, boolean multi, Document group) implements Reduction {

		private Object perDocument() {
			return this.multi ? nonNull(this.path) : this.path;
		}

		/** How many values a document has. */
		private Object count(Object perDocument) {
			return this.multi ? new Document("$size", perDocument)
					: new Document("$cond", Arrays.asList(FilterCompiler.notNull(this.path), 1, 0));
		}

		@Override
		public Object count() {
			this.group.append(this.key, new Document("$sum", count(perDocument())));
			return "$" + this.key;
		}

		@Override
		public Object sum() {
			Object perDocument = perDocument();
			this.group.append(this.key, new Document("$sum", this.multi ? new Document("$sum", perDocument) : this.path));
			this.group.append(this.key + "n", new Document("$sum", count(perDocument)));
			return ifAny("$" + this.key + "n", "$" + this.key);
		}

		@Override
		public Object avg() {
			if (!this.multi) {
				this.group.append(this.key, new Document("$avg", this.path));
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
					new Document(operator, this.multi ? new Document(operator, perDocument()) : this.path));
			return "$" + this.key;
		}

	}

	private static Object ifAny(Object count, Object value) {
		return new Document("$cond", Arrays.asList(new Document("$gt", List.of(count, 0)), value, null));
	}

	private static Object nonNull(String path) {
		return filterNonNull(new Document("$ifNull", Arrays.asList(path, List.of())));
	}

	private static Object filterNonNull(Object array) {
		return new Document("$filter",
				new Document("input", array).append("cond", FilterCompiler.notNull("$$this")));
	}

	private Target target(Aggregate aggregate, Scope scope, @Nullable Join restricted) {
		Target target = this.targets.resolve(aggregate.field(), scope, restricted);
		boolean count = aggregate.function() == Aggregate.Function.COUNT;
		if (!target.rest().isEmpty() || (target.isContainer() && !count)) {
			throw new InvalidLookupException(target.description() + ": " + aggregate.function().displayName()
					+ " needs a field holding values, not '" + aggregate.field() + "'");
		}
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(target.valueType());
		if (aggregate.function() == Aggregate.Function.AVG && !Number.class.isAssignableFrom(type)
				&& type != Object.class) {
			throw new InvalidLookupException(target.description() + ": Avg needs a numeric field, not "
					+ target.valueType().getSimpleName());
		}
		return target;
	}

	private Target scalar(String field, Scope scope) {
		Target target = this.targets.resolve(field, scope);
		if (!target.rest().isEmpty() || target.isContainer() || target.isMultiValued()) {
			throw new InvalidLookupException(target.description() + ": F() needs a single-valued field, not '"
					+ field + "'");
		}
		return target;
	}

}
