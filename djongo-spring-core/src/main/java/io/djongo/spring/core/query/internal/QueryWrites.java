package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.result.UpdateResult;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.LookupPath;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.TypeInformation;

/**
 * {@code update(...)} and {@code delete()} of a QuerySet: one {@code update} or {@code delete} command; a delete of a
 * model that relations point at applies their {@code on_delete} rules through {@link Deletions}.
 * <p>
 * An update sets plain values with {@code $set}. {@code F("views").plus(1)} on a field that cannot hold null (a
 * primitive) becomes {@code $inc} (and {@code times} becomes {@code $mul}), which every server runs; any other
 * {@code F} expression becomes a pipeline update, whose {@code null in, null out} arithmetic is SQL's, and which
 * needs a real MongoDB.
 */
final class QueryWrites {

	private final QueryEngine engine;

	QueryWrites(QueryEngine engine) {
		this.engine = engine;
	}

	/**
	 * An update ready to send.
	 * @param filter the documents to update
	 * @param update an update document, or a pipeline (a list of stages)
	 */
	record Update(Bson filter, Object update) {

		@SuppressWarnings("unchecked")
		boolean isPipeline() {
			return this.update instanceof List<?>;
		}

	}

	long update(QueryState state, Map<String, ?> values) {
		Update update = prepare(state, values);
		if (update == null) {
			return 0;
		}
		this.engine.debug(state, "update",
				new Document("q", update.filter()).append("u", update.update()).append("multi", true));
		if (update.isPipeline()) {
			@SuppressWarnings("unchecked")
			List<Bson> pipeline = (List<Bson>) update.update();
			return this.engine.execute(state, (collection) -> collection.updateMany(update.filter(), pipeline))
				.getMatchedCount();
		}
		UpdateResult result = this.engine.execute(state,
				(collection) -> collection.updateMany(update.filter(), (Bson) update.update()));
		return result.getMatchedCount();
	}

	/** The update to send, validated; null when no document can match. */
	@Nullable Update prepare(QueryState state, Map<String, ?> values) {
		if (values.isEmpty()) {
			throw new InvalidDataAccessApiUsageException(state.model().name() + ": update() needs at least one field");
		}
		QueryPlan plan = this.engine.plan(state);
		Document set = new Document();
		Document inc = new Document();
		Document mul = new Document();
		Document pipelineSet = new Document();
		Document unset = new Document();
		Map<String, @Nullable Object> validated = new LinkedHashMap<>();
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			FieldDescriptor field = field(state, entry.getKey());
			String path = storedPath(state, entry.getKey());
			Object value = entry.getValue();
			if (value instanceof F f) {
				Object expression = this.engine.expressions().compile(f, plan.scope()).expression();
				if (!incrementable(f, path, field, inc, mul)) {
					pipelineSet.append(path, expression);
				}
				continue;
			}
			if (value == null) {
				if (field.isPrimitive()) {
					throw new InvalidLookupException(state.model().name() + "." + entry.getKey()
							+ " is a primitive " + field.type().getSimpleName() + " and cannot be set to null");
				}
				validated.put(field.name(), null);
				Relation relation = field.relation();
				if (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE) {
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
				Object ids = relatedIds(state, entry.getKey(), relation, value);
				validated.put(field.name(), value);
				set.append(path, ids);
				continue;
			}
			Object java = this.engine.coercion().toJava(value, field.type(), this.engine.zone(),
					() -> state.model().name() + "." + entry.getKey());
			validated.put(field.name(), java);
			set.append(path, this.engine.template().getConverter().convertToMongoType(java, TypeInformation.of(field.type())));
		}
		this.engine.updateValidator().validate(state.model().type(), validated);
		if (plan.empty()) {
			return null;
		}
		Bson filter = filter(state, plan);
		if (filter == null) {
			return null;
		}
		if (!pipelineSet.isEmpty()) {
			for (Map.Entry<String, Object> literal : set.entrySet()) {
				pipelineSet.append(literal.getKey(), new Document("$literal", literal.getValue()));
			}
			unset.keySet().forEach((key) -> pipelineSet.append(key, "$$REMOVE"));
			inc.forEach((key, amount) -> pipelineSet.append(key, new Document("$add", List.of("$" + key, amount))));
			mul.forEach((key, factor) -> pipelineSet.append(key, new Document("$multiply", List.of("$" + key, factor))));
			return new Update(filter, List.of(new Document("$set", pipelineSet)));
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
		return new Update(filter, update);
	}

	/**
	 * The stored form of a relation's new value: the id of a model (or the ids of a list of them, for a
	 * many-to-many), as a save writes it; an id given as such is converted to the related model's id type.
	 */
	private Object relatedIds(QueryState state, String name, Relation relation, Object value) {
		ModelMetadata related = this.engine.models().metadata(relation.target());
		Class<?> idType = related.requiredId().type();
		java.util.function.Function<Object, Object> toId = (element) -> {
			Object id = related.type().isInstance(element)
					? related.entity().getIdentifierAccessor(element).getIdentifier() : element;
			if (id == null) {
				throw new InvalidLookupException(state.model().name() + "." + name + ": the " + related.name()
						+ " given has no id yet; save it first");
			}
			Object java = this.engine.coercion().toJava(id, idType, this.engine.zone(),
					() -> state.model().name() + "." + name);
			Object stored = this.engine.coercion().toBson(java, idType);
			if (stored == null) {
				throw new InvalidLookupException(state.model().name() + "." + name + ": cannot store the id "
						+ Shown.value(id));
			}
			return stored;
		};
		if (relation.isManyToMany()) {
			if (!(value instanceof java.util.Collection<?> many)) {
				throw new InvalidLookupException(state.model().name() + "." + name
						+ " is a many-to-many field: update it with a collection of " + related.name() + " models or ids");
			}
			return many.stream().map(toId).toList();
		}
		return toId.apply(value);
	}

	/** {@code F(field) +/- n} and {@code F(field) * n} on a non-nullable number, as $inc and $mul. */
	private static boolean incrementable(F f, String path, FieldDescriptor field, Document inc, Document mul) {
		if (!field.isPrimitive() || f.operator() == null || !(f.operands().get(0) instanceof F left)
				|| !field.name().equals(left.field()) || !(f.operands().get(1) instanceof Number amount)) {
			return false;
		}
		switch (f.operator()) {
			case PLUS -> inc.append(path, amount);
			case MINUS -> inc.append(path, negate(amount));
			case TIMES -> mul.append(path, amount);
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

	private FieldDescriptor field(QueryState state, String name) {
		LookupPath path = this.engine.models().resolve(state.model().type(), name);
		FieldDescriptor field = path.field();
		if (!path.rest().isEmpty()) {
			throw new FieldError("Cannot update '" + name + "' on " + state.model().name()
					+ ": update() takes fields, not lookups ('" + String.join("__", path.rest()) + "')");
		}
		if (path.fields().size() > 1) {
			throw new FieldError("Cannot update '" + name + "' on " + state.model().name()
					+ ": update() sets fields of the model itself; set the whole embedded field instead");
		}
		if (field.isId()) {
			throw new FieldError("Cannot update the id of " + state.model().name() + ": MongoDB ids are immutable");
		}
		return field;
	}

	private String storedPath(QueryState state, String name) {
		return this.engine.models().resolve(state.model().type(), name).storedPath();
	}

	DeleteResult delete(QueryState state) {
		QueryPlan plan = this.engine.plan(state);
		if (plan.empty()) {
			return new DeleteResult(0, Map.of());
		}
		Bson filter = filter(state, plan);
		if (filter == null) {
			return new DeleteResult(0, Map.of());
		}
		this.engine.debug(state, "delete", new Document("q", filter).append("limit", 0));
		// on_delete rules apply when relations point at the model: the deleter reads what the deletion reaches first
		return this.engine.deleter().delete(state.model().type(), filter);
	}

	/**
	 * The filter of a write: the plan's own, or, when the plan filters on annotations, the ids that an aggregate
	 * finds first (then a write costs two commands). Null when no document matches.
	 */
	private @Nullable Bson filter(QueryState state, QueryPlan plan) {
		if (plan.isFind()) {
			return plan.filter().toBson();
		}
		List<Bson> pipeline = new ArrayList<>(plan.pipeline(false));
		pipeline.add(new Document("$project", new Document("_id", 1)));
		List<Object> ids = new ArrayList<>();
		this.engine.aggregate(state, pipeline, (document) -> ids.add(document.get("_id")));
		return ids.isEmpty() ? null : new Document("_id", new Document("$in", ids));
	}

}
