package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the field part of a lookup against a model and the query's annotations: keys into maps, and the joins
 * that relations crossed need.
 */
final class TargetResolver {

	/** The prefix of the fields relations are joined under. */
	static final String JOIN_PREFIX = "__djongo_";

	private final PathResolver paths;

	TargetResolver(PathResolver paths) {
		this.paths = paths;
	}

	PathResolver paths() {
		return this.paths;
	}

	/** Whether a part of a lookup names a lookup or a transform rather than a field or a map key. */
	static boolean isLookupOrTransform(String name) {
		return Lookup.named(name) != null || Transform.named(name) != null;
	}

	Target resolve(String expression, Scope scope) {
		return resolve(expression, scope, null);
	}

	/**
	 * @param firstJoinAlias a join to use for the first relation crossed instead of the shared one (a join restricted
	 * to the related documents an aggregate counts), or null
	 */
	Target resolve(String expression, Scope scope, @Nullable Join firstJoinAlias) {
		String description = scope.model().name() + "." + expression;
		Class<?> whole = scope.annotations().get(expression);
		if (whole != null) {
			// a computed value named by its lookup, as values("publishedDate__year") makes one
			return new Target(description, expression, whole, FieldDescriptor.Kind.VALUE, null, false, null, true,
					List.of(), List.of(), null, false);
		}
		int separator = expression.indexOf(PathResolver.SEPARATOR);
		Class<?> annotationType = scope.annotations().get((separator < 0) ? expression : expression.substring(0, separator));
		if (annotationType != null) {
			List<String> parts = Arrays.asList(expression.split(PathResolver.SEPARATOR, -1));
			return new Target(description, parts.get(0), annotationType, FieldDescriptor.Kind.VALUE, null, false, null,
					true, List.copyOf(parts.subList(1, parts.size())), List.of(), null, false);
		}
		LookupPath path = this.paths.resolve(scope.model(), expression);
		if (firstJoinAlias != null && path.isLocalManyToMany() && path.rest().isEmpty()) {
			// the model's own list of ids, read as the related documents a restricted join keeps
			ModelMetadata related = this.paths.metadata(Objects.requireNonNull(path.field().relation()).target());
			return new Target(description, firstJoinAlias.alias(), idType(related), FieldDescriptor.Kind.VALUE,
					firstJoinAlias.alias(), false, null, false, List.of(), List.of(firstJoinAlias), related, true);
		}
		Joins tree = joins(path, firstJoinAlias);
		List<Join> joins = tree.top();
		String base = tree.alias();
		String multiJoin = tree.multiValued();
		List<String> rest = path.rest();
		if (path.fields().isEmpty()) {
			ModelMetadata target = path.hops().get(path.hops().size() - 1).requiredTarget();
			if (!rest.isEmpty() && !isLookupOrTransform(rest.get(0))) {
				throw this.paths.unknownField(target, rest.get(0), expression);
			}
			return new Target(description, base, idType(target), FieldDescriptor.Kind.VALUE, multiJoin, false, null,
					false, List.copyOf(rest), joins, target, true);
		}
		FieldDescriptor field = path.field();
		String stored = base.isEmpty() ? path.storedPath() : base + "." + path.storedPath();
		Class<?> valueType = field.valueType();
		FieldDescriptor.Kind kind = field.kind();
		ModelMetadata related = null;
		Relation relation = field.relation();
		if (relation != null) {
			related = this.paths.metadata(relation.target());
			valueType = idType(related);
			if (!rest.isEmpty() && !isLookupOrTransform(rest.get(0))) {
				throw this.paths.unknownField(related, rest.get(0), expression);
			}
		}
		if (kind == FieldDescriptor.Kind.MAP) {
			List<String> keys = new ArrayList<>();
			while (keys.size() < rest.size() && !isLookupOrTransform(rest.get(keys.size()))) {
				String key = rest.get(keys.size());
				if (key.startsWith("$") || key.contains(".")) {
					// a dot would reach into a nested document: MongoDB stores no key "a.b" a lookup could mean
					throw new FieldError("Invalid key '" + key + "' in lookup '" + expression + "' on "
							+ scope.model().name() + ": map keys cannot start with '$' or contain '.'");
				}
				keys.add(key);
			}
			if (!keys.isEmpty()) {
				stored = stored + "." + String.join(".", keys);
				rest = rest.subList(keys.size(), rest.size());
				valueType = Object.class;
				kind = FieldDescriptor.Kind.VALUE;
			}
		}
		ModelMetadata container = (field.containerType() != null && kind != FieldDescriptor.Kind.VALUE) ? path.owner()
				: null;
		if (container != null && !rest.isEmpty() && !isLookupOrTransform(rest.get(0))) {
			throw this.paths.unknownField(container, rest.get(0), expression);
		}
		String localArray = (path.arrayPrefix() != null)
				? (base.isEmpty() ? path.arrayPrefix() : base + "." + path.arrayPrefix()) : null;
		if (localArray == null && kind == FieldDescriptor.Kind.MANY_TO_MANY) {
			localArray = stored;
		}
		String arrayPrefix = (multiJoin != null) ? multiJoin : localArray;
		boolean groupable = arrayPrefix != null && !arrayPrefix.equals(stored)
				&& (multiJoin != null || isContainerArray(path, path.arrayPrefix()));
		return new Target(description, stored, valueType, kind, arrayPrefix, groupable, container, false,
				List.copyOf(rest), joins, related, false,
				multiJoin != null && (localArray != null || kind == FieldDescriptor.Kind.ARRAY));
	}

	/**
	 * The join tree a path needs: its top join (the first relation crossed) with the next relations joined inside,
	 * as a chain. Returns the top join, and the alias path of each hop from the queried document.
	 */
	private Joins joins(LookupPath path, @Nullable Join firstJoin) {
		List<LookupPath.Hop> hops = path.hops();
		if (hops.isEmpty()) {
			return new Joins(List.of(), "", null);
		}
		List<Join> chain = new ArrayList<>();
		for (int i = 0; i < hops.size(); i++) {
			LookupPath.Hop hop = hops.get(i);
			String collection = hop.collection();
			String name = hop.reverse() ? hop.relation().relatedName() : hop.relation().field();
			chain.add((i == 0 && firstJoin != null) ? firstJoin
					: new Join(JOIN_PREFIX + name, collection, hop.localPath(), hop.foreignPath(), hop.isMultiValued(),
							!hop.reverse() && hop.relation().isManyToMany(),
							hop.reverse() && hop.relation().isManyToMany(), null, List.of()));
		}
		Join top = chain.get(chain.size() - 1);
		for (int i = chain.size() - 2; i >= 0; i--) {
			top = chain.get(i).withChildren(List.of(top));
		}
		String alias = String.join(".", chain.stream().map(Join::alias).toList());
		String multi = null;
		StringBuilder prefix = new StringBuilder();
		for (Join join : chain) {
			prefix.append((prefix.length() > 0) ? "." : "").append(join.alias());
			if (multi == null && join.multiValued()) {
				multi = prefix.toString();
			}
		}
		return new Joins(List.of(top), alias, multi);
	}

	/**
	 * @param top the join tree (at most one top join)
	 * @param alias the dotted alias path of the last relation crossed
	 * @param multiValued the dotted alias path of the first multi-valued relation crossed, or null
	 */
	private record Joins(List<Join> top, String alias, @Nullable String multiValued) {
	}

	/**
	 * The related document of a chain of foreign keys ({@code author}, {@code author__profile}), joined under the same
	 * alias a lookup through it uses; null when the chain is not made of foreign keys only.
	 */
	@Nullable Target selected(String relation, Scope scope) {
		LookupPath path;
		try {
			path = this.paths.resolve(scope.model(), relation);
		}
		catch (FieldError ex) {
			return null;
		}
		Relation last = (path.fields().size() == 1) ? path.field().relation() : null;
		if (last == null || !path.rest().isEmpty() || last.isManyToMany()
				|| path.hops().stream().anyMatch(LookupPath.Hop::isMultiValued) || path.field().isMultiValued()) {
			return null;
		}
		ModelMetadata target = this.paths.metadata(last.target());
		String collection = target.collection();
		if (collection == null) {
			return null;
		}
		LookupPath.Hop hop = new LookupPath.Hop(last, false, path.storedPath(), target.idField(), collection, target);
		List<LookupPath.Hop> hops = new ArrayList<>(path.hops());
		hops.add(hop);
		LookupPath extended = new LookupPath(path.model(), path.expression(), hops, List.of(), "", null, target,
				List.of());
		Joins tree = joins(extended, null);
		return new Target(scope.model().name() + "." + relation, tree.alias(), idType(target),
				FieldDescriptor.Kind.VALUE, null, false, null, false, List.of(), tree.top(), target, true);
	}

	/** The join crossing the first relation of a lookup, restricted to related documents meeting a condition. */
	Join restrictedJoin(String expression, Scope scope, String alias, Bson condition) {
		LookupPath path = this.paths.resolve(scope.model(), expression);
		if (path.isLocalManyToMany()) {
			// the model's own list of ids: the related documents it names, restricted
			ModelMetadata related = this.paths.metadata(Objects.requireNonNull(path.field().relation()).target());
			String collection = related.collection();
			if (collection == null) {
				throw new FieldError(related.name() + " has no collection to join");
			}
			return new Join(alias, collection, path.storedPath(), related.idField(), true, true, false, condition,
					List.of());
		}
		if (path.hops().isEmpty()) {
			throw new FieldError(scope.model().name() + "." + expression + " crosses no relation to filter");
		}
		LookupPath.Hop hop = path.hops().get(0);
		if (hop.target() == null && path.hops().size() > 1) {
			return restrictedThroughJoin(hop, path.hops().get(1), alias, condition);
		}
		return new Join(alias, hop.collection(), hop.localPath(), hop.foreignPath(), hop.isMultiValued(),
				!hop.reverse() && hop.relation().isManyToMany(), hop.reverse() && hop.relation().isManyToMany(),
				condition, List.of());
	}

	/**
	 * The rows of a Django through collection whose related document meets a condition: the rows of the document,
	 * each with its related document joined under the alias the next hop uses, restricted by the condition (missing
	 * when it fails), then the rows without one dropped; the chain reads the related documents inside as usual.
	 */
	private static Join restrictedThroughJoin(LookupPath.Hop through, LookupPath.Hop next, String alias,
			Bson condition) {
		String name = next.reverse() ? next.relation().relatedName() : next.relation().field();
		Join related = new Join(JOIN_PREFIX + name, next.collection(), next.localPath(), next.foreignPath(), false,
				false, false, condition, List.of());
		List<Bson> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", new Document("$expr",
				new Document("$eq", List.of("$" + through.foreignPath(), "$$djongoKey")))));
		pipeline.addAll(related.stages());
		pipeline.add(new Document("$match", new Document(related.alias(), new Document("$exists", true))));
		return new Join(alias, through.collection(), through.localPath(), through.foreignPath(), true, false, false,
				null, List.of(), new Document("djongoKey", "$" + through.localPath()), pipeline);
	}

	private static Class<?> idType(ModelMetadata model) {
		FieldDescriptor id = model.id();
		return (id != null) ? id.type() : Object.class;
	}

	private static boolean isContainerArray(LookupPath path, @Nullable String arrayPrefix) {
		if (arrayPrefix == null) {
			return false;
		}
		StringBuilder stored = new StringBuilder();
		for (FieldDescriptor field : path.fields()) {
			if (stored.length() > 0) {
				stored.append('.');
			}
			stored.append(field.storedName());
			if (stored.toString().equals(arrayPrefix)) {
				return field.kind() == FieldDescriptor.Kind.ARRAY;
			}
		}
		return false;
	}

}
