package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.LookupPath;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Django's {@code prefetch_related}: after the results arrive, each named relation is fetched for all of them with
 * one {@code $in} query, whatever their number, and put in place on each result.
 * <p>
 * A forward foreign key or many-to-many field gets the related models in place of its lazy reference. A reverse
 * relation ({@code posts} on an author) needs a non-persistent {@code List} field of that name on the model to
 * receive the related models.
 */
final class Prefetcher {

	private final QueryEngine engine;

	Prefetcher(QueryEngine engine) {
		this.engine = engine;
	}

	/** Checks a relation can be prefetched, at the call of {@code prefetchRelated}. */
	Plan plan(ModelMetadata model, String relation) {
		LookupPath path = this.engine.models().resolve(model.type(), relation);
		if (path.hops().isEmpty() && path.fields().size() == 1 && path.rest().isEmpty()
				&& path.field().relation() != null) {
			Relation forward = path.field().relation();
			return new Plan(relation, forward, false, this.engine.models().metadata(forward.target()),
					path.field().property());
		}
		if (path.hops().size() == 1 && path.fields().isEmpty() && path.rest().isEmpty() && path.hops().get(0).reverse()) {
			Relation reverse = path.hops().get(0).relation();
			java.lang.reflect.Field holder = org.springframework.util.ReflectionUtils.findField(model.type(), relation);
			if (holder == null || !Collection.class.isAssignableFrom(holder.getType())) {
				throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name() + ": declare a"
						+ " non-persistent field to receive the related models, e.g. @Transient List<"
						+ reverse.owner().getSimpleName() + "> " + relation + ";");
			}
			org.springframework.util.ReflectionUtils.makeAccessible(holder);
			return new Plan(relation, reverse, true, this.engine.models().metadata(reverse.owner()), holder);
		}
		throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name()
				+ ": prefetchRelated takes a foreign key, many-to-many field or reverse relation of the model itself");
	}

	/**
	 * A relation to prefetch.
	 * @param name as given to prefetchRelated
	 * @param relation the relation
	 * @param reverse whether it is followed from target to owner
	 * @param related the model fetched
	 * @param holder where the related models go: the persistent property, or the reflective field of a reverse one
	 */
	record Plan(String name, Relation relation, boolean reverse, ModelMetadata related, Object holder) {
	}

	void prefetch(ModelMetadata model, List<String> relations, List<Object> results, List<Document> documents) {
		if (results.isEmpty()) {
			return;
		}
		for (String relation : relations) {
			Plan plan = plan(model, relation);
			if (plan.reverse()) {
				reverse(model, plan, results);
			}
			else {
				forward(plan, results, documents);
			}
		}
	}

	private void forward(Plan plan, List<Object> results, List<Document> documents) {
		String stored = plan.relation().storedField();
		Set<Object> ids = new LinkedHashSet<>();
		for (Document document : documents) {
			Object value = document.get(stored);
			if (value instanceof Collection<?> many) {
				many.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
			}
			else if (value != null) {
				ids.add(value);
			}
		}
		Map<Object, Object> byId = fetch(plan.related(), "_id", ids, (document) -> List.of(document.get("_id")));
		MongoPersistentProperty property = (MongoPersistentProperty) plan.holder();
		for (int i = 0; i < results.size(); i++) {
			Object value = documents.get(i).get(stored);
			Object related;
			if (value instanceof Collection<?> many) {
				List<Object> models = new ArrayList<>();
				for (Object id : many) {
					Object found = byId.get(id);
					if (found != null) {
						models.add(found);
					}
				}
				related = models;
			}
			else {
				related = (value != null) ? byId.get(value) : null;
			}
			set(results.get(i), property, related);
		}
	}

	private void reverse(ModelMetadata model, Plan plan, List<Object> results) {
		MongoPersistentEntity<?> entity = model.entity();
		Map<Object, List<Object>> buckets = new LinkedHashMap<>();
		List<Object> keys = new ArrayList<>();
		for (Object result : results) {
			Object id = entity.getIdentifierAccessor(result).getIdentifier();
			Object key = this.engine.template().getConverter().convertToMongoType(id);
			keys.add(key);
			if (key != null) {
				buckets.put(key, new ArrayList<>());
			}
		}
		String stored = plan.relation().storedField();
		fetch(plan.related(), stored, buckets.keySet(), (document) -> {
			Object value = document.get(stored);
			return (value instanceof Collection<?> many) ? new ArrayList<>(many) : java.util.Arrays.asList(value);
		}, buckets);
		java.lang.reflect.Field field = (java.lang.reflect.Field) plan.holder();
		for (int i = 0; i < results.size(); i++) {
			Object key = keys.get(i);
			List<Object> models = (key != null) ? buckets.get(key) : List.of();
			org.springframework.util.ReflectionUtils.setField(field, results.get(i), new ArrayList<>(models));
		}
	}

	private Map<Object, Object> fetch(ModelMetadata related, String field, Collection<Object> values,
			java.util.function.Function<Document, List<Object>> keysOf) {
		return fetch(related, field, values, keysOf, null);
	}

	/**
	 * One {@code find} of the related models whose field is among the values. Returns them by id; when buckets are
	 * given, also adds each to the bucket of every key it has.
	 */
	private Map<Object, Object> fetch(ModelMetadata related, String field, Collection<Object> values,
			java.util.function.Function<Document, List<Object>> keysOf, @Nullable Map<Object, List<Object>> buckets) {
		Map<Object, Object> byId = new HashMap<>();
		if (values.isEmpty()) {
			return byId;
		}
		QueryState state = QueryState.of(related);
		Document filter = new Document(field, new Document("$in", new ArrayList<>(values)));
		this.engine.debug(state, "find", new Document("filter", filter));
		this.engine.run(state, (collection) -> {
			for (Document document : collection.find(filter)) {
				Object model = this.engine.template().toModel(document, related.type());
				byId.put(document.get("_id"), model);
				if (buckets != null) {
					for (Object key : keysOf.apply(document)) {
						List<Object> bucket = buckets.get(key);
						if (bucket != null) {
							bucket.add(model);
						}
					}
				}
			}
		});
		return byId;
	}

	private void set(Object result, MongoPersistentProperty property, @Nullable Object value) {
		MongoPersistentEntity<?> entity = this.engine.template()
			.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(result.getClass());
		PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(result);
		accessor.setProperty(property, value);
	}

}
