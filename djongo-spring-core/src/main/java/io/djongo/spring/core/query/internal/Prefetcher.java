package io.djongo.spring.core.query.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ReflectionUtils;

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

	private final PathResolver paths;

	private final ModelReader reader;

	private final MongoConverter converter;

	Prefetcher(QueryEngine engine, PathResolver paths, ModelReader reader) {
		this.engine = engine;
		this.paths = paths;
		this.reader = reader;
		this.converter = engine.operations().getConverter();
	}

	/** Checks a relation can be prefetched and plans it, at the call of {@code prefetchRelated}. */
	Plan plan(ModelMetadata model, String relation) {
		LookupPath path = this.paths.resolve(model, relation);
		Relation forward = (path.hops().isEmpty() && path.fields().size() == 1 && path.rest().isEmpty())
				? path.field().relation() : null;
		if (forward != null) {
			return new Plan(relation, forward, model, this.paths.metadata(forward.target()), path.field().property());
		}
		if (path.hops().size() == 1 && path.fields().isEmpty() && path.rest().isEmpty() && path.hops().get(0).reverse()) {
			Relation reverse = path.hops().get(0).relation();
			Field holder = ReflectionUtils.findField(model.type(), relation);
			if (holder == null || !Collection.class.isAssignableFrom(holder.getType())) {
				throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name() + ": declare a"
						+ " non-persistent field to receive the related models, e.g. @Transient List<"
						+ reverse.owner().getSimpleName() + "> " + relation + ";");
			}
			ReflectionUtils.makeAccessible(holder);
			return new Plan(relation, reverse, model, this.paths.metadata(reverse.owner()), holder);
		}
		throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name()
				+ ": prefetchRelated takes a foreign key, many-to-many field or reverse relation of the model itself");
	}

	/**
	 * A relation to prefetch: a forward one, whose related models go in place of the persistent property's lazy
	 * reference, or a reverse one, whose related models go in a non-persistent field.
	 * @param name as given to prefetchRelated
	 * @param relation the relation
	 * @param model the model whose results receive the related models
	 * @param related the model fetched
	 * @param property the persistent property of a forward relation, else null
	 * @param holder the field of a reverse relation, else null
	 */
	record Plan(String name, Relation relation, ModelMetadata model, ModelMetadata related,
			@Nullable MongoPersistentProperty property, @Nullable Field holder) {

		Plan(String name, Relation relation, ModelMetadata model, ModelMetadata related,
				MongoPersistentProperty property) {
			this(name, relation, model, related, property, null);
		}

		Plan(String name, Relation relation, ModelMetadata model, ModelMetadata related, Field holder) {
			this(name, relation, model, related, null, holder);
		}

	}

	void prefetch(List<Plan> plans, List<Object> results, List<Document> documents) {
		if (results.isEmpty()) {
			return;
		}
		for (Plan plan : plans) {
			MongoPersistentProperty property = plan.property();
			Field holder = plan.holder();
			if (property != null) {
				forward(plan, property, results, documents);
			}
			else {
				reverse(plan, Objects.requireNonNull(holder), results);
			}
		}
	}

	private void forward(Plan plan, MongoPersistentProperty property, List<Object> results, List<Document> documents) {
		String stored = plan.relation().storedField();
		Set<Object> ids = new LinkedHashSet<>();
		for (Document document : documents) {
			Object value = document.get(stored);
			if (value instanceof Collection<?> many) {
				many.stream().filter(Objects::nonNull).forEach(ids::add);
			}
			else if (value != null) {
				ids.add(value);
			}
		}
		Map<Object, Object> byId = fetch(plan.related(), "_id", ids, null);
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

	private void reverse(Plan plan, Field field, List<Object> results) {
		MongoPersistentEntity<?> entity = plan.model().entity();
		Map<Object, List<Object>> buckets = new LinkedHashMap<>();
		List<Object> keys = new ArrayList<>();
		for (Object result : results) {
			Object id = entity.getIdentifierAccessor(result).getIdentifier();
			Object key = (id != null) ? this.converter.convertToMongoType(id) : null;
			keys.add(key);
			if (key != null) {
				buckets.put(key, new ArrayList<>());
			}
		}
		String stored = plan.relation().storedField();
		fetch(plan.related(), stored, buckets.keySet(), new Buckets(buckets, (document) -> {
			Object value = document.get(stored);
			return (value instanceof Collection<?> many) ? new ArrayList<>(many) : Arrays.asList(value);
		}));
		for (int i = 0; i < results.size(); i++) {
			Object key = keys.get(i);
			List<Object> models = (key != null) ? buckets.get(key) : null;
			ReflectionUtils.setField(field, results.get(i), (models != null) ? new ArrayList<>(models) : new ArrayList<>());
		}
	}

	/**
	 * Where each fetched model goes besides its id: in the bucket of every key it has.
	 * @param keysOf the keys of a fetched document
	 */
	private record Buckets(Map<Object, List<Object>> buckets, Function<Document, List<@Nullable Object>> keysOf) {

		void add(Document document, Object model) {
			for (Object key : this.keysOf.apply(document)) {
				List<Object> bucket = (key != null) ? this.buckets.get(key) : null;
				if (bucket != null) {
					bucket.add(model);
				}
			}
		}

	}

	/**
	 * One {@code find} of the related models whose field is among the values. Returns them by id; when buckets are
	 * given, also adds each to the bucket of every key it has.
	 */
	private Map<Object, Object> fetch(ModelMetadata related, String field, Collection<Object> values,
			@Nullable Buckets buckets) {
		Map<Object, Object> byId = new HashMap<>();
		if (values.isEmpty()) {
			return byId;
		}
		String collection = Objects.requireNonNull(related.collection());
		Document filter = new Document(field, new Document("$in", new ArrayList<>(values)));
		this.engine.read(related, new Command.Find(collection, filter, null, 0, null, null), (document) -> {
			Object model = this.reader.read(document, related.type());
			byId.put(document.get("_id"), model);
			if (buckets != null) {
				buckets.add(document, model);
			}
		});
		return byId;
	}

	private void set(Object result, MongoPersistentProperty property, @Nullable Object value) {
		MongoPersistentEntity<?> entity = this.converter.getMappingContext()
			.getRequiredPersistentEntity(result.getClass());
		PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(result);
		accessor.setProperty(property, value);
	}

}
