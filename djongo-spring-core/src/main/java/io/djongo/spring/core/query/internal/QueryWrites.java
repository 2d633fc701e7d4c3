package io.djongo.spring.core.query.internal;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.Value;
import jakarta.validation.constraints.Digits;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The commands of {@code update(...)} and {@code delete()} of a QuerySet: one {@code update}, or the filter a
 * {@link Deleter} deletes by (which applies the {@code on_delete} rules of the relations pointing at the model).
 * When the plan filters on joins or annotations, an {@code aggregate} finds the ids first (then a write costs two
 * commands).
 * <p>
 * An update sets plain values with {@code $set}. {@code F("views").plus(1)} on a field that cannot hold null (a
 * primitive) becomes {@code $inc} (and {@code times} becomes {@code $mul}), which every server runs; any other
 * expression ({@code F} arithmetic, {@code Lower.of("name")}, {@code Case}...) becomes a pipeline update, whose
 * {@code null in, null out} arithmetic is SQL's, and which needs a real MongoDB.
 */
final class QueryWrites {

	private final QueryEngine engine;

	QueryWrites(QueryEngine engine) {
		this.engine = engine;
	}

	/** The update to send, validated; null when no document can match. */
	Command.@Nullable Update update(QueryPlan plan, Map<String, ?> values) {
		Object update = updateOf(plan, values);
		if (plan.isEmpty()) {
			return null;
		}
		Bson filter = filter(plan);
		return (filter != null) ? new Command.Update(plan.collection(), filter, update) : null;
	}

	/**
	 * The update of one operation of a bulk write, validated: as {@link #update}, with a filter matching nothing
	 * where no document can match, so that the operation keeps its place among the others.
	 */
	Command.Update bulkUpdate(QueryPlan plan, Map<String, ?> values) {
		Object update = updateOf(plan, values);
		return new Command.Update(plan.collection(), bulkFilter(plan), update);
	}

	/** The filter of one operation of a bulk write; one matching nothing where no document can match. */
	Bson bulkFilter(QueryPlan plan) {
		Bson filter = plan.isEmpty() ? null : filter(plan);
		return (filter != null) ? filter : new Document("_id", new Document("$in", List.of()));
	}

	/** The update document (or pipeline) setting the values, validated. */
	private Object updateOf(QueryPlan plan, Map<String, ?> values) {
		ModelMetadata model = plan.model();
		if (values.isEmpty()) {
			throw new InvalidDataAccessApiUsageException(model.name() + ": update() needs at least one field");
		}
		Document set = new Document();
		Document inc = new Document();
		Document mul = new Document();
		Document pipelineSet = new Document();
		Document unset = new Document();
		Map<String, @Nullable Object> validated = new LinkedHashMap<>();
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			LookupPath resolved = this.engine.compiler().targets().paths().resolve(model, entry.getKey());
			FieldDescriptor field = field(model, entry.getKey(), resolved);
			String path = resolved.storedPath();
			Object value = entry.getValue();
			if (value instanceof Expression given) {
				Uses uses = new Uses();
				Object expression = this.engine.compiler().expressions().compile(given, plan.scope(), uses).expression();
				if (!uses.isLocal() || !uses.outerRefs().isEmpty()) {
					throw new FieldError("Cannot update " + model.name() + "." + entry.getKey() + " with " + given
							+ ": an update computes from the document's own fields only (no relation, subquery or "
							+ "annotation)");
				}
				if (!incrementable(given, path, field, inc, mul, (amount) -> stored(model, field, amount))) {
					pipelineSet.append(path, expression);
				}
				continue;
			}
			if (value == null) {
				if (field.isPrimitive()) {
					throw new InvalidLookupException(model.name() + "." + entry.getKey()
							+ " is a primitive " + field.type().getSimpleName() + " and cannot be set to null");
				}
				validated.put(field.name(), null);
				Relation relation = field.relation();
				if (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE && model.storage() != Storage.DJANGO) {
					// a one-to-one's unique index is sparse: "no related object" is a missing field, as save writes it
					unset.append(path, "");
				}
				else {
					set.append(path, null);
				}
				continue;
			}
			Relation relation = field.relation();
			if (relation != null) {
				Object ids = relatedIds(model, entry.getKey(), relation, value);
				validated.put(field.name(), value);
				set.append(path, stored(model, field, ids));
				continue;
			}
			Object java = this.engine.coercion().toJava(value, field.type(), this.engine.zone(),
					() -> model.name() + "." + entry.getKey());
			validated.put(field.name(), java);
			set.append(path, stored(model, field, this.engine.coercion().toBson(java, field.type())));
		}
		this.engine.updateValidator().validate(model.type(), validated);
		if (!pipelineSet.isEmpty()) {
			for (Map.Entry<String, Object> literal : set.entrySet()) {
				pipelineSet.append(literal.getKey(), new Document("$literal", literal.getValue()));
			}
			unset.keySet().forEach((key) -> pipelineSet.append(key, "$$REMOVE"));
			inc.forEach((key, amount) -> pipelineSet.append(key, new Document("$add", List.of("$" + key, amount))));
			mul.forEach((key, factor) -> pipelineSet.append(key, new Document("$multiply", List.of("$" + key, factor))));
			return List.of(new Document("$set", pipelineSet));
		}
		Document update = new Document();
		if (!set.isEmpty()) {
			update.append("$set", set);
		}
		if (!unset.isEmpty()) {
			update.append("$unset", unset);
		}
		if (!inc.isEmpty()) {
			update.append("$inc", inc);
		}
		if (!mul.isEmpty()) {
			update.append("$mul", mul);
		}
		return update;
	}

	/**
	 * A value as the model's storage stores it: in Django storage an integer as int32 while it fits (as Python writes
	 * it) and a decimal with its field's declared decimal places ({@code @Digits(fraction)}), as a save writes them.
	 */
	private static @Nullable Object stored(ModelMetadata model, FieldDescriptor field, @Nullable Object value) {
		if (model.storage() != Storage.DJANGO) {
			return value;
		}
		if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
			return number.intValue();
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> converted = new ArrayList<>();
			list.forEach((element) -> converted.add(stored(model, field, element)));
			return converted;
		}
		Digits digits = field.property().findAnnotation(Digits.class);
		if (value instanceof Decimal128 decimal && digits != null && decimal.isFinite()
				&& decimal.bigDecimalValue().scale() != digits.fraction()) {
			return new Decimal128(decimal.bigDecimalValue().setScale(digits.fraction(), RoundingMode.HALF_EVEN));
		}
		return value;
	}

	/**
	 * The stored form of a relation's new value: the id of a model (or the ids of a list of them, for a
	 * many-to-many), as a save writes it; an id given as such is converted to the related model's id type.
	 */
	private @Nullable Object relatedIds(ModelMetadata model, String name, Relation relation, Object value) {
		ModelMetadata related = this.engine.models().metadata(relation.target());
		Class<?> idType = related.requiredId().type();
		Function<Object, @Nullable Object> toId = (element) -> {
			Object id = related.type().isInstance(element)
					? related.entity().getIdentifierAccessor(element).getIdentifier() : element;
			if (id == null) {
				throw new InvalidLookupException(model.name() + "." + name + ": the " + related.name()
						+ " given has no id yet; save it first");
			}
			Object java = this.engine.coercion().toJava(id, idType, this.engine.zone(), () -> model.name() + "." + name);
			return this.engine.coercion().toBson(java, idType);
		};
		if (relation.isManyToMany()) {
			if (!(value instanceof Collection<?> many)) {
				throw new InvalidLookupException(model.name() + "." + name
						+ " is a many-to-many field: update it with a collection of " + related.name() + " models or ids");
			}
			return many.stream().map(toId).toList();
		}
		return toId.apply(value);
	}

	/** {@code F(field) +/- n} and {@code F(field) * n} on a non-nullable number, as $inc and $mul. */
	private static boolean incrementable(Expression expression, String path, FieldDescriptor field, Document inc,
			Document mul, Function<Number, @Nullable Object> stored) {
		if (!field.isPrimitive() || !(expression instanceof Func func) || func.arguments().size() != 2
				|| !(func.arguments().get(0) instanceof F left) || !field.name().equals(left.field())
				|| !(func.arguments().get(1) instanceof Value constant) || !(constant.value() instanceof Number amount)) {
			return false;
		}
		switch (func.function()) {
			// in Django storage an int32 amount while it fits: MongoDB keeps an int32 field int32 then (until it overflows)
			case ADD -> inc.append(path, stored.apply(amount));
			case SUBTRACT -> inc.append(path, stored.apply(negate(amount)));
			case MULTIPLY -> mul.append(path, stored.apply(amount));
			default -> {
				return false;
			}
		}
		return true;
	}

	private static Number negate(Number amount) {
		if (amount instanceof Integer value) {
			return -value;
		}
		if (amount instanceof Long value) {
			return -value;
		}
		return -amount.doubleValue();
	}

	private static FieldDescriptor field(ModelMetadata model, String name, LookupPath path) {
		FieldDescriptor field = path.field();
		if (!path.rest().isEmpty()) {
			throw new FieldError("Cannot update '" + name + "' on " + model.name()
					+ ": update() takes fields, not lookups ('" + String.join("__", path.rest()) + "')");
		}
		if (path.fields().size() > 1) {
			throw new FieldError("Cannot update '" + name + "' on " + model.name()
					+ ": update() sets fields of the model itself; set the whole embedded field instead");
		}
		if (field.isId()) {
			throw new FieldError("Cannot update the id of " + model.name() + ": MongoDB ids are immutable");
		}
		return field;
	}

	/** The delete to hand to the deleter; null when no document can match. */
	Command.@Nullable Delete delete(QueryPlan plan) {
		if (plan.isEmpty()) {
			return null;
		}
		Bson filter = filter(plan);
		return (filter != null) ? new Command.Delete(plan.collection(), filter) : null;
	}

	/**
	 * The filter of a write: the plan's own, or, when the plan filters on joins or annotations, the ids that an
	 * aggregate finds first. Null when no document matches.
	 */
	private @Nullable Bson filter(QueryPlan plan) {
		plan.requireStandalone();
		if (plan.isFind()) {
			return plan.filter().toBson();
		}
		List<Bson> pipeline = plan.stages(false);
		pipeline.add(new Document("$project", new Document("_id", 1)));
		List<Object> ids = new ArrayList<>();
		this.engine.read(plan.model(), new Command.Pipeline(plan.collection(), pipeline),
				(document) -> ids.add(document.get("_id")));
		return ids.isEmpty() ? null : new Document("_id", new Document("$in", ids));
	}

}
