package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.aggregate.Aggregate;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Max;
import io.djongo.spring.core.query.aggregate.Min;
import io.djongo.spring.core.query.aggregate.Sum;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link F} expressions and aggregates over a document's own fields into aggregation expressions, with
 * SQL's null rules: arithmetic with null is null, aggregates skip nulls, {@code Count} of nothing is 0 and the
 * others are null.
 */
final class ExpressionCompiler {

	private final TargetResolver targets;

	ExpressionCompiler(TargetResolver targets) {
		this.targets = targets;
	}

	/** A compiled expression and whether it reads annotations of the query. */
	record Compiled(Object expression, Uses uses) {
	}

	Compiled compile(F f, Scope scope) {
		Uses uses = new Uses();
		return new Compiled(compile(f, scope, uses), uses);
	}

	private Object compile(F f, Scope scope, Uses uses) {
		String field = f.field();
		if (field != null) {
			Target target = scalar(field, scope, "F()");
			uses.target(target);
			return "$" + target.storedPath();
		}
		List<Object> operands = new ArrayList<>();
		for (Object operand : f.operands()) {
			operands.add((operand instanceof F nested) ? compile(nested, scope, uses) : operand);
		}
		F.Operator operator = Objects.requireNonNull(f.operator(), "an F() without a field is arithmetic");
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
		if (!target.isMultiValued() && target.kind() != FieldDescriptor.Kind.VALUES) {
			if (aggregate instanceof Count) {
				return new Document("$cond", Arrays.asList(FilterCompiler.notNull(path), 1, 0));
			}
			return path;
		}
		if (aggregate instanceof Count && !aggregate.isDistinct() && target.relationValued()) {
			// joined documents are never null: their number is the array's size
			return new Document("$size", new Document("$ifNull", Arrays.asList(path, List.of())));
		}
		Object values = aggregate.isDistinct() ? new Document("$setUnion", List.of(nonNull(path), List.of()))
				: nonNull(path);
		return summarize(aggregate, values);
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
			Object perDocument = multi ? nonNull(path) : path;
			if (aggregate.isDistinct()) {
				group.append(key, new Document(multi ? "$push" : "$addToSet", perDocument));
				Object values = multi
						? new Document("$reduce", new Document("input", "$" + key).append("initialValue", List.of())
							.append("in", new Document("$setUnion", List.of("$$value", "$$this"))))
						: filterNonNull("$" + key);
				project.append(aggregate.key(), summarize(aggregate, values));
				continue;
			}
			Object count = multi ? new Document("$size", perDocument)
					: new Document("$cond", Arrays.asList(FilterCompiler.notNull(path), 1, 0));
			switch (aggregate.function()) {
				case "count" -> {
					group.append(key, new Document("$sum", count));
					project.append(aggregate.key(), "$" + key);
				}
				case "sum" -> {
					group.append(key, new Document("$sum", multi ? new Document("$sum", perDocument) : path));
					group.append(key + "n", new Document("$sum", count));
					project.append(aggregate.key(), ifAny("$" + key + "n", "$" + key));
				}
				case "avg" -> {
					if (multi) {
						group.append(key, new Document("$sum", new Document("$sum", perDocument)));
						group.append(key + "n", new Document("$sum", count));
						project.append(aggregate.key(),
								ifAny("$" + key + "n", new Document("$divide", List.of("$" + key, "$" + key + "n"))));
					}
					else {
						group.append(key, new Document("$avg", path));
						project.append(aggregate.key(), "$" + key);
					}
				}
				default -> {
					String operator = (aggregate instanceof Min) ? "$min" : "$max";
					group.append(key, new Document(operator, multi ? new Document(operator, perDocument) : path));
					project.append(aggregate.key(), "$" + key);
				}
			}
		}
		return new GroupStage(group, project);
	}

	/** Count, Sum, Avg, Min or Max of an array expression of non-null values. */
	private static Object summarize(Aggregate aggregate, Object values) {
		return switch (aggregate.function()) {
			case "count" -> new Document("$size", values);
			case "sum" -> ifAny(new Document("$size", values), new Document("$sum", values));
			case "avg" -> new Document("$avg", values);
			default -> new Document((aggregate instanceof Max) ? "$max" : "$min", values);
		};
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
		if (!target.rest().isEmpty() || (target.isContainer() && !(aggregate instanceof Count))) {
			throw new InvalidLookupException(target.description() + ": " + aggregate.getClass().getSimpleName()
					+ " needs a field holding values, not '" + aggregate.field() + "'");
		}
		if (!(aggregate instanceof Count) && !(aggregate instanceof Sum) && !(aggregate instanceof Min)
				&& !(aggregate instanceof Max) && !Number.class.isAssignableFrom(
						org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(target.valueType()))
				&& target.valueType() != Object.class) {
			throw new InvalidLookupException(target.description() + ": Avg needs a numeric field, not "
					+ target.valueType().getSimpleName());
		}
		return target;
	}

	private Target scalar(String field, Scope scope, String what) {
		Target target = this.targets.resolve(field, scope);
		if (!target.rest().isEmpty() || target.isContainer() || target.isMultiValued()) {
			throw new InvalidLookupException(target.description() + ": " + what
					+ " needs a single-valued field, not '" + field + "'");
		}
		return target;
	}

}
