package io.djongo.spring.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The relations pointing at each model, indexed by target in one pass over the known entities: the foreign keys,
 * one-to-ones and many-to-manys declared by other models, and the many-to-manys their through models carry.
 * Immutable; {@link ModelRegistry} replaces it when the mapping context learns another entity.
 *
 * @param generation the mapping context's generation it was built from
 */
record ReverseRelations(long generation, Map<Class<?>, List<Relation>> relationsTo,
		Map<Class<?>, List<Relation>> throughRelationsTo) {

	static ReverseRelations of(long generation, Collection<? extends MongoPersistentEntity<?>> entities,
			Function<Class<?>, ModelMetadata> metadata) {
		Map<Class<?>, List<Relation>> relations = new HashMap<>();
		Map<Class<?>, List<Relation>> through = new HashMap<>();
		for (MongoPersistentEntity<?> entity : entities) {
			if (entity.getType().isInterface()) {
				continue;
			}
			ModelMetadata owner = metadata.apply(entity.getType());
			for (FieldDescriptor field : owner.fields().values()) {
				Relation relation = field.relation();
				if (relation != null) {
					relations.computeIfAbsent(relation.target(), (key) -> new ArrayList<>()).add(relation);
				}
			}
			for (Relation relation : owner.throughRelations().values()) {
				through.computeIfAbsent(relation.target(), (key) -> new ArrayList<>()).add(relation);
			}
		}
		return new ReverseRelations(generation, frozen(relations), frozen(through));
	}

	List<Relation> to(Class<?> target) {
		return this.relationsTo.getOrDefault(target, List.of());
	}

	List<Relation> throughTo(Class<?> target) {
		return this.throughRelationsTo.getOrDefault(target, List.of());
	}

	/** A relation declared on another model, then a through model's, by its related name. */
	@Nullable Relation named(Class<?> target, String relatedName) {
		for (Relation relation : to(target)) {
			if (relation.relatedName().equals(relatedName)) {
				return relation;
			}
		}
		for (Relation relation : throughTo(target)) {
			if (relation.relatedName().equals(relatedName)) {
				return relation;
			}
		}
		return null;
	}

	private static Map<Class<?>, List<Relation>> frozen(Map<Class<?>, List<Relation>> index) {
		Map<Class<?>, List<Relation>> result = new LinkedHashMap<>();
		index.forEach((target, relations) -> result.put(target, List.copyOf(relations)));
		return Map.copyOf(result);
	}

}
