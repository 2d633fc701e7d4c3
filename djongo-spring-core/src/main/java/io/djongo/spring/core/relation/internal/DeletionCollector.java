package io.djongo.spring.core.relation.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.ProtectedException;
import io.djongo.spring.core.relation.RestrictedException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Django's deletion {@code Collector}: finds everything a deletion reaches through the {@code on_delete} rules of
 * the relations pointing at the deleted models, by reading only. Nothing is written here.
 * <p>
 * The walk goes batch by batch: the documents of one model newly collected for deletion are one batch, and each
 * relation pointing at that model costs one query for the whole batch ({@code {author_id: {$in: [...]}}}, split
 * every {@value #CHUNK} ids), so the reads are proportional to the relations along the chain, not to the
 * documents. {@code CASCADE} adds the referring documents as a new batch; {@code PROTECT} stops the walk after the
 * batch with a {@link ProtectedException}; {@code RESTRICT} remembers the referring documents, which must be
 * collected through a cascade by the end of the walk, else a {@link RestrictedException}; {@code SET_NULL},
 * {@code SET_DEFAULT} and many-to-many references are recorded as one update per relation, with no read.
 */
final class DeletionCollector {

	/** The most ids one {@code $in} carries, far below MongoDB's 16 MiB command limit. */
	static final int CHUNK = 10_000;

	private final ModelRegistry models;

	private final MongoOperations reads;

	private final ModelReader reader;

	/** What is deleted, per model, in the order found. */
	private final Map<Class<?>, Set<Object>> deleted = new LinkedHashMap<>();

	/** The target ids whose references each SET_NULL, SET_DEFAULT or many-to-many relation loses. */
	private final Map<Relation, Set<Object>> updated = new LinkedHashMap<>();

	/** RESTRICT: the referring documents by id, per relation; allowed if deleted by the end of the walk. */
	private final Map<Relation, Map<Object, Document>> restricted = new LinkedHashMap<>();

	/** The rows of through collections Django creates that go with the deleted models, by collection and key. */
	private final Map<ThroughKey, Set<Object>> throughRows = new LinkedHashMap<>();

	DeletionCollector(ModelRegistry models, MongoOperations reads, ModelReader reader) {
		this.models = models;
		this.reads = reads;
		this.reader = reader;
	}

	/**
	 * Collects the documents of a model that match a filter and everything their deletion reaches.
	 * @param model the model deleted
	 * @param filter a filter as stored (mapped), e.g. {@code {_id: {$in: [...]}}}
	 * @throws ProtectedException when a PROTECT relation refers to a collected document
	 * @throws RestrictedException when a RESTRICT relation refers to a collected document that no cascade collects
	 */
	DeletionPlan collect(ModelMetadata model, Bson filter) {
		List<Object> roots = new ArrayList<>();
		find(model, filter, true, (document) -> roots.add(document.get(model.idField())));
		Deque<Batch> batches = new ArrayDeque<>();
		add(model, roots, batches);
		while (!batches.isEmpty()) {
			visit(batches.poll(), batches);
		}
		failOnRestricted();
		return new DeletionPlan(this.deleted, this.updated, this.throughRows);
	}

	/** Adds ids to the deleted ones of a model; those new to it make a batch to visit. */
	private void add(ModelMetadata model, Collection<Object> ids, Deque<Batch> batches) {
		Set<Object> known = this.deleted.computeIfAbsent(model.type(), (type) -> new LinkedHashSet<>());
		List<Object> added = new ArrayList<>();
		for (Object id : ids) {
			if (known.add(id)) {
				added.add(id);
			}
		}
		if (!added.isEmpty()) {
			batches.add(new Batch(model, added));
		}
	}

	private void visit(Batch batch, Deque<Batch> batches) {
		// Django's through collections: their rows go with either model of the pair (CASCADE), without a read
		for (Relation relation : batch.model().throughRelations().values()) {
			addThroughRows(relation, relation.through(), true, batch.ids());
		}
		for (Relation relation : this.models.throughRelationsTo(batch.model().type())) {
			addThroughRows(relation, relation.through(), false, batch.ids());
		}
		Map<String, List<Object>> protecting = new LinkedHashMap<>();
		for (Relation relation : this.models.relationsTo(batch.model().type())) {
			if (relation.isManyToMany()) {
				// a through model's foreign keys carry their own rules; an array of ids loses the deleted ones
				if (relation.through() == null) {
					this.updated.computeIfAbsent(relation, (key) -> new LinkedHashSet<>()).addAll(batch.ids());
				}
				continue;
			}
			ModelMetadata owner = this.models.metadata(relation.owner());
			switch (relation.onDelete()) {
				case CASCADE -> {
					List<Object> ids = new ArrayList<>();
					referring(owner, relation, batch.ids(), true, (document) -> ids.add(document.get(owner.idField())));
					add(owner, ids, batches);
				}
				case PROTECT -> referring(owner, relation, batch.ids(), false, (document) -> protecting
					.computeIfAbsent(label(relation), (key) -> new ArrayList<>())
					.add(this.reader.read(document, owner.type())));
				case RESTRICT -> {
					Map<Object, Document> documents = this.restricted.computeIfAbsent(relation,
							(key) -> new LinkedHashMap<>());
					referring(owner, relation, batch.ids(), false,
							(document) -> documents.put(document.get(owner.idField()), document));
				}
				case SET_NULL, SET_DEFAULT -> {
					RelationDeclarations.check(field(relation), this.reads.getConverter());
					this.updated.computeIfAbsent(relation, (key) -> new LinkedHashSet<>()).addAll(batch.ids());
				}
				case DO_NOTHING -> {
					// a dangling reference, as asked
				}
			}
		}
		if (!protecting.isEmpty()) {
			List<Object> objects = new ArrayList<>();
			protecting.values().forEach(objects::addAll);
			throw new ProtectedException("Cannot delete some instances of model '" + batch.model().name()
					+ "' because they are referenced through protected foreign keys: "
					+ String.join(", ", protecting.keySet()) + ".", objects);
		}
	}

	private void addThroughRows(Relation relation, Relation.@Nullable Through through, boolean owner,
			List<Object> ids) {
		if (through == null || !through.isAutoCreated()) {
			return;
		}
		String key = (owner ? through.toOwner() : through.toTarget()).storedField();
		this.throughRows.computeIfAbsent(new ThroughKey(through.collection(), key, relation), (k) -> new LinkedHashSet<>())
			.addAll(ids);
	}

	/** Django's rule: restricting documents are allowed when the same deletion collects them through a cascade. */
	private void failOnRestricted() {
		Map<String, List<Object>> restricting = new LinkedHashMap<>();
		String model = null;
		for (Map.Entry<Relation, Map<Object, Document>> entry : this.restricted.entrySet()) {
			Relation relation = entry.getKey();
			Set<Object> deletedOwners = this.deleted.getOrDefault(relation.owner(), Set.of());
			for (Map.Entry<Object, Document> document : entry.getValue().entrySet()) {
				if (!deletedOwners.contains(document.getKey())) {
					if (model == null) {
						model = relation.target().getSimpleName();
					}
					restricting.computeIfAbsent(label(relation), (key) -> new ArrayList<>())
						.add(this.reader.read(document.getValue(), relation.owner()));
				}
			}
		}
		if (!restricting.isEmpty()) {
			List<Object> objects = new ArrayList<>();
			restricting.values().forEach(objects::addAll);
			throw new RestrictedException("Cannot delete some instances of model '" + model
					+ "' because they are referenced through restricted foreign keys: "
					+ String.join(", ", restricting.keySet()) + ".", objects);
		}
	}

	/** The documents of the owner whose relation field refers to one of the ids, one query per chunk of ids. */
	private void referring(ModelMetadata owner, Relation relation, List<Object> ids, boolean idsOnly,
			Consumer<Document> sink) {
		for (List<Object> chunk : chunks(ids)) {
			find(owner, Filters.in(relation.storedField(), chunk), idsOnly, sink);
		}
	}

	private void find(ModelMetadata model, Bson filter, boolean idsOnly, Consumer<Document> sink) {
		this.reads.execute(collection(model), (collection) -> {
			var find = collection.find(filter);
			if (idsOnly) {
				find.projection(Projections.include(model.idField()));
			}
			find.forEach(sink::accept);
			return null;
		});
	}

	private FieldDescriptor field(Relation relation) {
		FieldDescriptor field = this.models.metadata(relation.owner()).field(relation.field());
		if (field == null) {
			throw new InvalidRelationException(relation.owner(), relation.field(), "no such field");
		}
		return field;
	}

	static String collection(ModelMetadata model) {
		String collection = model.collection();
		if (collection == null) {
			throw new IllegalArgumentException(model.name() + " is a container (no @Document): it cannot be deleted");
		}
		return collection;
	}

	/** Django's {@code 'Post.author'}. */
	private static String label(Relation relation) {
		return "'" + relation.owner().getSimpleName() + "." + relation.field() + "'";
	}

	static List<List<Object>> chunks(Collection<Object> ids) {
		List<Object> all = (ids instanceof List<Object> list) ? list : new ArrayList<>(ids);
		List<List<Object>> result = new ArrayList<>();
		for (int from = 0; from < all.size(); from += CHUNK) {
			result.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
		}
		return result;
	}

	/**
	 * Documents of one model newly collected for deletion.
	 * @param model the model
	 * @param ids their ids, as stored
	 */
	private record Batch(ModelMetadata model, List<Object> ids) {
	}

	/**
	 * The rows of a through collection Django creates whose key holds a deleted id.
	 * @param collection the through collection
	 * @param key the key ({@code post_id})
	 * @param relation the many-to-many relation it carries
	 */
	record ThroughKey(String collection, String key, Relation relation) {
	}

	/**
	 * What a deletion writes, found by the collector.
	 * @param deleted the ids deleted per model, in the order found
	 * @param updated per SET_NULL, SET_DEFAULT or many-to-many relation, the target ids whose references it loses
	 * @param throughRows per through collection Django creates and key, the deleted ids whose rows go too
	 */
	record DeletionPlan(Map<Class<?>, Set<Object>> deleted, Map<Relation, Set<Object>> updated,
			Map<ThroughKey, Set<Object>> throughRows) {

		boolean isEmpty() {
			return this.deleted.values().stream().allMatch(Set::isEmpty);
		}

	}

}
