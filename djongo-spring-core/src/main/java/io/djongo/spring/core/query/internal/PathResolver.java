package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the field part of Django lookup paths ({@code blog__name}, {@code blogs__name__icontains},
 * {@code posts__tags__name}) against the models' metadata into {@link LookupPath}s: the fields walked, the
 * relations crossed both ways (reverse ones by their related names, many-to-many ones carried by a through model
 * as two hops), and the parts left for map keys, transforms and the lookup.
 */
final class PathResolver {

	/** Django's separator between the parts of a lookup. */
	static final String SEPARATOR = "__";

	/** Django's alias for a model's primary key. */
	static final String PK = "pk";

	private final ModelRegistry models;

	PathResolver(ModelRegistry models) {
		this.models = models;
	}

	ModelMetadata metadata(Class<?> type) {
		return this.models.metadata(type);
	}

	/**
	 * Resolves the field part of a lookup, across relations. Walking stops at the first scalar, list-of-scalars or
	 * map field, at a relation whose next part is a lookup or the referred id, or at the first part a container does
	 * not declare; what follows is left in {@link LookupPath#rest()}.
	 * @param model the model the lookup starts from
	 * @param expression the lookup, e.g. {@code "blogs__name__icontains"} or {@code "author__name"}
	 * @throws FieldError when a part names no field of the model or relation it is looked up in, or is empty
	 */
	LookupPath resolve(ModelMetadata model, String expression) {
		String[] parts = expression.split(SEPARATOR, -1);
		for (String part : parts) {
			if (part.isEmpty()) {
				throw new FieldError("Invalid lookup '" + expression + "' on " + model.name()
						+ ": a part between '__' separators is empty");
			}
		}
		ModelMetadata owner = model;
		List<LookupPath.Hop> hops = new ArrayList<>();
		List<FieldDescriptor> fields = new ArrayList<>();
		StringBuilder stored = new StringBuilder();
		String arrayPrefix = null;
		int index = 0;
		while (index < parts.length) {
			String part = parts[index];
			FieldDescriptor field = (fields.isEmpty() && PK.equals(part)) ? owner.id() : owner.field(part);
			Relation carried = (field == null && fields.isEmpty()) ? owner.throughRelations().get(part) : null;
			if (carried != null) {
				owner = throughHops(carried, false, hops);
				index++;
				continue;
			}
			if (field == null && fields.isEmpty() && owner.collection() != null) {
				Relation reverse = this.models.reverseRelation(owner.type(), part);
				if (reverse != null && reverse.through() != null) {
					owner = throughHops(reverse, true, hops);
					index++;
					continue;
				}
				if (reverse != null) {
					ModelMetadata target = metadata(reverse.owner());
					hops.add(LookupPath.Hop.to(reverse, true, owner.idField(), reverse.storedField(), target));
					owner = target;
					index++;
					continue;
				}
				field = idAlias(owner, part);
			}
			if (field == null) {
				if (fields.isEmpty() && hops.isEmpty()) {
					throw unknownField(owner, part, expression);
				}
				// a lookup on what was reached, or a misspelt field: the compiler tells them apart
				break;
			}
			fields.add(field);
			if (stored.length() > 0) {
				stored.append('.');
			}
			stored.append(field.storedName());
			if (arrayPrefix == null && field.isMultiValued() && field.relation() == null) {
				arrayPrefix = stored.toString();
			}
			index++;
			Relation relation = field.relation();
			if (relation != null) {
				if (index == parts.length) {
					break;
				}
				ModelMetadata target = metadata(relation.target());
				String next = parts[index];
				FieldDescriptor targetId = target.id();
				// author__id and author__pk compare the stored id: no join needed
				if (PK.equals(next) || (targetId != null && targetId.name().equals(next))) {
					index++;
					break;
				}
				if (target.field(next) == null && this.models.reverseRelation(target.type(), next) == null) {
					break;
				}
				hops.add(LookupPath.Hop.to(relation, false, stored.toString(), target.idField(), target));
				owner = target;
				fields = new ArrayList<>();
				stored = new StringBuilder();
				arrayPrefix = null;
				continue;
			}
			Class<?> container = field.containerType();
			if (container == null) {
				break;
			}
			owner = metadata(container);
		}
		return new LookupPath(model, expression, List.copyOf(hops), List.copyOf(fields), stored.toString(),
				arrayPrefix, owner, List.of(parts).subList(index, parts.length));
	}

	/**
	 * The two hops of a many-to-many carried by a through model: into the through model by its key to where the
	 * lookup comes from, out of it by its key to where it goes. Returns the model reached.
	 */
	private ModelMetadata throughHops(Relation relation, boolean reverse, List<LookupPath.Hop> hops) {
		Relation.Through through = relation.through();
		if (through == null) {
			throw new IllegalStateException(relation + " has no through model");
		}
		Relation in = reverse ? through.toTarget() : through.toOwner();
		Relation out = reverse ? through.toOwner() : through.toTarget();
		Class<?> throughType = through.model();
		ModelMetadata throughModel = (throughType != null) ? metadata(throughType) : null;
		ModelMetadata from = metadata(in.target());
		ModelMetadata reached = metadata(out.target());
		hops.add(new LookupPath.Hop(in, true, from.idField(), in.storedField(), through.collection(), throughModel));
		hops.add(LookupPath.Hop.to(out, false, out.storedField(), reached.idField(), reached));
		return reached;
	}

	/** Django's {@code author_id}: the stored id of a foreign key, named as stored. */
	private static @Nullable FieldDescriptor idAlias(ModelMetadata owner, String part) {
		for (FieldDescriptor field : owner.fields().values()) {
			if (field.kind() == FieldDescriptor.Kind.FOREIGN_KEY && field.storedName().equals(part)) {
				return field;
			}
		}
		return null;
	}

	/** Whether the name is the related name of a relation pointing at the model. */
	boolean isReverseRelation(ModelMetadata model, String name) {
		return reverseRelation(model, name) != null;
	}

	/** The relation pointing at the model by that related name, or null. */
	@Nullable Relation reverseRelation(ModelMetadata model, String name) {
		return this.models.reverseRelation(model.type(), name);
	}

	/** The names a model's lookups can start with: its fields and the related names of its reverse relations. */
	String choices(ModelMetadata owner) {
		Set<String> names = new TreeSet<>(owner.fields().keySet());
		names.addAll(owner.throughRelations().keySet());
		if (owner.collection() != null) {
			this.models.relationsTo(owner.type()).forEach((relation) -> names.add(relation.relatedName()));
			this.models.throughRelationsTo(owner.type()).forEach((relation) -> names.add(relation.relatedName()));
		}
		return String.join(", ", names);
	}

	/**
	 * The error for a keyword that names no field: Django's "Cannot resolve keyword 'titel' into field. Choices are:
	 * ...", completed with the model and the lookup at fault.
	 */
	FieldError unknownField(ModelMetadata owner, String keyword, @Nullable String expression) {
		return new FieldError("Cannot resolve keyword '" + keyword + "' into field. Choices are: " + choices(owner)
				+ " (model " + owner.name() + ((expression != null) ? ", lookup '" + expression + "'" : "") + ")");
	}

}
