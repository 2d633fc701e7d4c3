package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import org.bson.Document;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The unique indexes a model declares, as Django knows a field's {@code unique=True}: the id, every unique index of
 * the model's annotations ({@code @Indexed(unique = true)}, {@code @CompoundIndex(unique = true)}, resolved by Spring
 * Data as its index creation resolves them) and the sparse unique index of each {@code @OneToOne}. A partial index
 * does not make its fields unique. Each is the set of stored paths it covers; resolved once per model.
 */
final class UniqueIndexes {

	private final IndexResolver resolver;

	private final Map<Class<?>, List<Set<String>>> indexes = new ConcurrentHashMap<>();

	UniqueIndexes(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		this.resolver = IndexResolver.create(mappingContext);
	}

	/** The stored paths of each unique index of the model. */
	List<Set<String>> of(ModelMetadata model) {
		return this.indexes.computeIfAbsent(model.type(), (type) -> resolve(model));
	}

	/** Whether a field of the model is unique by itself. */
	boolean isUnique(ModelMetadata model, FieldDescriptor field) {
		return field.isId() || of(model).contains(Set.of(field.storedName()));
	}

	/** Whether the stored paths cover every field of one unique index. */
	boolean covers(ModelMetadata model, Set<String> paths) {
		return of(model).stream().anyMatch(paths::containsAll);
	}

	private List<Set<String>> resolve(ModelMetadata model) {
		List<Set<String>> unique = new ArrayList<>();
		unique.add(Set.of("_id"));
		if (!model.idField().equals("_id")) {
			// Django storage: the id column has djongo's unique __primary_key__
			unique.add(Set.of(model.idField()));
		}
		for (IndexDefinition index : this.resolver.resolveIndexFor(model.type())) {
			Document options = index.getIndexOptions();
			if (Boolean.TRUE.equals(options.get("unique")) && !options.containsKey("partialFilterExpression")) {
				unique.add(Set.copyOf(new LinkedHashSet<>(index.getIndexKeys().keySet())));
			}
		}
		for (FieldDescriptor field : model.fields().values()) {
			Relation relation = field.relation();
			if (relation != null && relation.kind() == Relation.Kind.ONE_TO_ONE) {
				unique.add(Set.of(field.storedName()));
			}
		}
		return List.copyOf(unique);
	}

}
