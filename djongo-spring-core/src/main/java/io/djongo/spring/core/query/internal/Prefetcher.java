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
		Relation carried = model.throughRelations().get(relation);
		Relation reverseCarried = (carried == null && model.collection() != null)
				? this.paths.reverseRelation(model, relation) : null;
		if (carried != null || (reverseCarried != null && reverseCarried.through() != null)) {
			Relation through = (carried != null) ? carried : Objects.requireNonNull(reverseCarried);
			Class<?> related = (carried != null) ? through.target() : through.owner();
			return new Plan(relation, through, model, this.paths.metadata(related), null,
					holder(model, relation, related), carried == null);
		}
		LookupPath path = this.paths.resolve(model, relation);
		Relation forward = (path.hops().isEmpty() && path.fields().size() == 1 && path.rest().isEmpty())
				? path.field().relation() : null;
		if (forward != null) {
			return new Plan(relation, forward, model, this.paths.metadata(forward.target()), path.field().property(),
					null, false);
		}
		if (path.hops().size() == 1 && path.fields().isEmpty() && path.rest().isEmpty() && path.hops().get(0).reverse()) {
			Relation reverse = path.hops().get(0).relation();
			return new Plan(relation, reverse, model, this.paths.metadata(reverse.owner()), null,
					holder(model, relation, reverse.owner()), true);
		}
		throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name()
				+ ": prefetchRelated takes a foreign key, many-to-many field or reverse relation of the model itself");
	}

	/** The non-persistent field receiving the related models of a relation the model does not store. */
	private static Field holder(ModelMetadata model, String relation, Class<?> related) {
		Field holder = ReflectionUtils.findField(model.type(), relation);
		if (holder == null || !Collection.class.isAssignableFrom(holder.getType())) {
			throw new FieldError("Cannot prefetch '" + relation + "' on " + model.name() + ": declare a"
					+ " non-persistent field to receive the related models, e.g. @Transient List<"
					+ related.getSimpleName() + "> " + relation + ";");
		}
		ReflectionUtils.makeAccessible(holder);
		return holder;
	}

	/**
	 * A relation to prefetch: a forward one stored in the model, whose related models go in place of the persistent
	 * property's lazy reference; or one the model does not store (a reverse one, or a many-to-many carried by a
	 * through model or collection), whose related models go in a field of the model.
	 * @param name as given to prefetchRelated
	 * @param relation the relation
	 * @param model the model whose results receive the related models
	 * @param related the model fetched
	 * @param property the persistent property of a forward relation, else null
	 * @param holder the field receiving the related models of a relation the model does not store, else null
	 * @param reverse whether the relation is crossed from its target to its owner
	 */
	record Plan(String name, Relation relation, ModelMetadata model, ModelMetadata related,
			@Nullable MongoPersistentProperty property, @Nullable Field holder, boolean reverse) {
	}

	void prefetch(List<Plan> plans, List<Object> results, List<Document> documents) {
		if (results.isEmpty()) {
			return;
		}
		for (Plan plan : plans) {
			MongoPersistentProperty property = plan.property();
			if (property != null) {
				forward(plan, property, results, documents);
				continue;
			}
			Field holder = Objects.requireNonNull(plan.holder(), "a relation not stored in the model has a holder");
			Relation.Through through = plan.relation().through();
			if (through != null) {
				through(plan, through, holder, results);
			}
			else {
				reverse(plan, holder, results);
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
		Map<Object, Object> byId = fetch(plan.related(), plan.related().idField(), ids, null);
		for (int i = 0; i < results.size(); i++) {
			Object value = documents.get(i).get(stored);
			Object related;
			if (value instanceof Collection<?> many) {
				List<Object> models = new ArrayList<>();
				for (Object id : many) {
					Object found = (id != null) ? byId.get(key(id)) : null;
					if (found != null) {
						models.add(found);
					}
				}
				related = models;
			}
			else {
				related = (value != null) ? byId.get(key(value)) : null;
			}
			set(results.get(i), property, related);
		}
	}

	private void reverse(Plan plan, Field field, List<Object> results) {
		Map<Object, List<Object>> buckets = new LinkedHashMap<>();
		List<@Nullable Object> keys = keys(plan, results, buckets);
		String stored = plan.relation().storedField();
		fetch(plan.related(), stored, buckets.keySet(), new Buckets(buckets, (document) -> {
			Object value = document.get(stored);
			return (value instanceof Collection<?> many) ? new ArrayList<>(many) : Arrays.asList(value);
		}));
		fill(plan, field, results, keys, buckets);
	}

	/**
	 * A many-to-many carried by a through model or collection, either way: one {@code find} of the pairs of the
	 * results, one of the related models.
	 */
	private void through(Plan plan, Relation.Through through, Field field, List<Object> results) {
		Map<Object, List<Object>> buckets = new LinkedHashMap<>();
		List<@Nullable Object> keys = keys(plan, results, buckets);
		String from = (plan.reverse() ? through.toTarget() : through.toOwner()).storedField();
		String to = (plan.reverse() ? through.toOwner() : through.toTarget()).storedField();
		List<Object[]> pairs = new ArrayList<>();
		Set<Object> relatedIds = new LinkedHashSet<>();
		if (!buckets.isEmpty()) {
			Document filter = new Document(from, new Document("$in", new ArrayList<>(buckets.keySet())));
			Document projection = new Document(from, 1).append(to, 1).append("_id", 0);
			this.engine.read(plan.model(), new Command.Find(through.collection(), filter, null, 0, null, projection),
					(document) -> {
						Object owner = document.get(from);
						Object related = document.get(to);
						if (owner != null && related != null) {
							pairs.add(new Object[] { key(owner), key(related) });
							relatedIds.add(related);
						}
					});
		}
		Map<Object, Object> byId = fetch(plan.related(), plan.related().idField(), relatedIds, null);
		for (Object[] pair : pairs) {
			List<Object> bucket = buckets.get(pair[0]);
			Object related = byId.get(pair[1]);
			if (bucket != null && related != null) {
				bucket.add(related);
			}
		}
		fill(plan, field, results, keys, buckets);
	}

	/** The stored id of each result, and an empty bucket for each. */
	private List<@Nullable Object> keys(Plan plan, List<Object> results, Map<Object, List<Object>> buckets) {
		MongoPersistentEntity<?> entity = plan.model().entity();
		List<@Nullable Object> keys = new ArrayList<>();
		for (Object result : results) {
			Object id = entity.getIdentifierAccessor(result).getIdentifier();
			Object stored = (id != null) ? this.converter.convertToMongoType(id) : null;
			Object key = (stored != null) ? key(stored) : null;
			keys.add(key);
			if (key != null) {
				buckets.put(key, new ArrayList<>());
			}
		}
		return keys;
	}

	/** Sets each result's bucket on its holder field; a many-to-many of Django storage keeps its read-only list. */
	private static void fill(Plan plan, Field field, List<Object> results, List<@Nullable Object> keys,
			Map<Object, List<Object>> buckets) {
		Relation.Through through = plan.relation().through();
		boolean readOnly = through != null && through.isAutoCreated() && !plan.reverse();
		for (int i = 0; i < results.size(); i++) {
			Object key = keys.get(i);
			List<Object> models = (key != null) ? buckets.get(key) : null;
			List<Object> value = (models != null) ? new ArrayList<>(models) : new ArrayList<>();
			ReflectionUtils.setField(field, results.get(i), readOnly ? RelatedList.loaded(plan.name(), value) : value);
		}
	}

	/**
	 * The key of a stored id in the maps of one prefetch: integers as longs, so that an int32 a Django application
	 * stored meets the long a Java id converts to.
	 */
	static Object key(Object id) {
		return (id instanceof Integer || id instanceof Short || id instanceof Byte) ? ((Number) id).longValue() : id;
	}

	/**
	 * Where each fetched model goes besides its id: in the bucket of every key it has.
	 * @param keysOf the keys of a fetched document
	 */
	private record Buckets(Map<Object, List<Object>> buckets, Function<Document, List<@Nullable Object>> keysOf) {

		void add(Document document, Object model) {
			for (Object key : this.keysOf.apply(document)) {
				List<Object> bucket = (key != null) ? this.buckets.get(key(key)) : null;
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
			Object id = document.get(related.idField());
			if (id != null) {
				byId.put(key(id), model);
			}
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
