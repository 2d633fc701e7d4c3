package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.RelatedManager;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;
import org.springframework.util.ClassUtils;

/**
 * The pairs of one model in a through collection Django creates, changed as Django's many-related manager changes
 * them: {@code add} reads which of the given pairs exist (one {@code find}), numbers the missing ones from the
 * collection's own counter and inserts them in one unordered {@code insert} (a pair another writer added meanwhile
 * is refused by the unique pair index and left, as Django's {@code ignore_conflicts} does); {@code remove} and
 * {@code clear} are one {@code delete}; {@code set} reads the pairs, then removes and adds.
 * <p>
 * Rows are written as Django writes them: {@code {id, <owner>_id, <target>_id}}, integers as int32 while they fit.
 *
 * @param <T> the related model
 */
public final class ThroughRows<T> implements RelatedManager<T> {

	/** Numbers new rows of a through collection from its counter. */
	@FunctionalInterface
	public interface RowIds {

		/** Reserves {@code count} ids of the relation's through collection; returns the first. */
		long reserve(Relation relation, int count);

	}

	private final MongoOperations operations;

	private final Relation relation;

	private final Relation.Through through;

	private final ModelMetadata related;

	private final String name;

	private final Object instanceId;

	/** The instance's key in the rows and the related models' key ({@code post_id}, {@code tag_id}, or reversed). */
	private final String from;

	private final String to;

	/** Whether the instance is the relation's target ({@code tag.post}): its key is the second of each row. */
	private final boolean reversed;

	private final RowIds rowIds;

	private final Supplier<QuerySet<T>> all;

	private final Runnable changed;

	/**
	 * @param operations where the rows are read and written
	 * @param models the models and their relations
	 * @param instance the model whose pairs change
	 * @param name a many-to-many field of its model, or the related name of one pointing at it
	 * @param rowIds numbers new rows
	 * @param all the related models as a QuerySet
	 * @param changed what to do once the pairs changed (the instance's field forgets what it read)
	 * @throws InvalidDataAccessApiUsageException when the relation is not carried by a through collection Django
	 * creates, or the instance has no id
	 */
	public ThroughRows(MongoOperations operations, ModelRegistry models, Object instance, String name, RowIds rowIds,
			Supplier<QuerySet<T>> all, Runnable changed) {
		this.operations = operations;
		this.name = name;
		this.rowIds = rowIds;
		this.all = all;
		this.changed = changed;
		ModelMetadata model = models.metadata(ClassUtils.getUserClass(instance));
		Relation forward = model.throughRelations().get(name);
		Relation reverse = (forward == null) ? models.reverseRelation(model.type(), name) : null;
		Relation found = (forward != null) ? forward : reverse;
		if (found == null) {
			throw new InvalidDataAccessApiUsageException("'" + name + "' is not a many-to-many relation of "
					+ model.name() + (model.field(name) != null ? describe(model, name) : ""));
		}
		Relation.Through carrier = found.through();
		if (carrier == null || !carrier.isAutoCreated()) {
			String how = (carrier == null)
					? "its pairs are stored as an array of ids in " + found.owner().getSimpleName()
							+ "'s documents: change the model's list and save it"
					: "its pairs are " + Objects.requireNonNull(carrier.model()).getSimpleName()
							+ " models: save and delete those (Django's rule for a through model)";
			throw new InvalidDataAccessApiUsageException("Cannot change '" + name + "' of " + model.name()
					+ " with manyToMany(...): " + how);
		}
		this.relation = found;
		this.through = carrier;
		boolean reversed = forward == null;
		this.reversed = reversed;
		this.from = (reversed ? carrier.toTarget() : carrier.toOwner()).storedField();
		this.to = (reversed ? carrier.toOwner() : carrier.toTarget()).storedField();
		this.related = models.metadata(reversed ? found.owner() : found.target());
		Object id = model.entity().getIdentifierAccessor(instance).getIdentifier();
		if (id == null) {
			throw new InvalidDataAccessApiUsageException("\"" + model.name() + "\" needs to have a value for field \""
					+ model.requiredId().name() + "\" before this many-to-many relationship can be used.");
		}
		this.instanceId = stored(id);
	}

	private static String describe(ModelMetadata model, String name) {
		return ": " + model.name() + "." + name + " is not a many-to-many field";
	}

	@Override
	public QuerySet<T> all() {
		return this.all.get();
	}

	@Override
	public void add(Object... models) {
		Set<Object> ids = ids(Arrays.asList(models), "add");
		if (ids.isEmpty()) {
			return;
		}
		ids.removeAll(existing(Filters.and(Filters.eq(this.from, this.instanceId), Filters.in(this.to, ids))));
		insert(ids);
		this.changed.run();
	}

	@Override
	public void remove(Object... models) {
		Set<Object> ids = ids(Arrays.asList(models), "remove");
		if (!ids.isEmpty()) {
			delete(Filters.and(Filters.eq(this.from, this.instanceId), Filters.in(this.to, ids)));
		}
		this.changed.run();
	}

	@Override
	public void set(Collection<?> models) {
		Set<Object> wanted = ids(models, "set");
		Set<Object> existing = existing(Filters.eq(this.from, this.instanceId));
		List<Object> obsolete = new ArrayList<>(existing);
		obsolete.removeAll(wanted);
		if (!obsolete.isEmpty()) {
			delete(Filters.and(Filters.eq(this.from, this.instanceId), Filters.in(this.to, obsolete)));
		}
		wanted.removeAll(existing);
		insert(wanted);
		this.changed.run();
	}

	@Override
	public void clear() {
		delete(Filters.eq(this.from, this.instanceId));
		this.changed.run();
	}

	/** The related ids the given models stand for, as stored, in order, once each. */
	private Set<Object> ids(Collection<?> models, String operation) {
		Set<Object> ids = new LinkedHashSet<>();
		ConversionService conversions = this.operations.getConverter().getConversionService();
		Class<?> idType = this.related.requiredId().type();
		for (Object model : models) {
			Object value = (model instanceof LazyLoadingProxy proxy) ? proxy.getSource() : model;
			if (this.related.type().isInstance(value)) {
				Object id = this.related.entity().getIdentifierAccessor(value).getIdentifier();
				if (id == null) {
					throw new InvalidDataAccessApiUsageException("Cannot " + operation + " \"" + value
							+ "\": the value for field \"" + this.to.replaceFirst("_id$", "") + "\" is None");
				}
				ids.add(stored(id));
			}
			else if (value == null || this.operations.getConverter().getMappingContext().hasPersistentEntityFor(
					ClassUtils.getUserClass(value))) {
				throw new InvalidDataAccessApiUsageException("'" + this.related.name() + "' instance expected, got "
						+ ((value != null) ? ClassUtils.getUserClass(value).getSimpleName() : "null") + " in "
						+ operation + "() of '" + this.name + "'");
			}
			else {
				Object id = conversions.canConvert(value.getClass(), idType) ? conversions.convert(value, idType)
						: value;
				ids.add(stored(Objects.requireNonNull(id)));
			}
		}
		return ids;
	}

	/** The related ids of the rows matching the filter. */
	private Set<Object> existing(Bson filter) {
		Set<Object> ids = new LinkedHashSet<>();
		this.operations.execute(this.through.collection(), (collection) -> {
			collection.find(filter).projection(Projections.include(this.to)).forEach((row) -> {
				Object id = row.get(this.to);
				if (id != null) {
					ids.add(stored(id));
				}
			});
			return null;
		});
		return ids;
	}

	private void insert(Set<Object> ids) {
		if (ids.isEmpty()) {
			return;
		}
		long next = this.rowIds.reserve(this.relation, ids.size());
		String ownerKey = this.through.toOwner().storedField();
		String targetKey = this.through.toTarget().storedField();
		List<Document> rows = new ArrayList<>();
		for (Object id : ids) {
			// Django's order of the through model's fields: id, the key to the owner, the key to the target
			rows.add(new Document("id", stored(next++)).append(ownerKey, this.reversed ? id : this.instanceId)
				.append(targetKey, this.reversed ? this.instanceId : id));
		}
		this.operations.execute(this.through.collection(), (MongoCollection<Document> collection) -> {
			try {
				collection.insertMany(rows, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				// pairs added by another writer since they were read: they exist, as asked
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
						throw ex;
					}
				}
			}
			return null;
		});
	}

	private void delete(Bson filter) {
		this.operations.execute(this.through.collection(), (collection) -> collection.deleteMany(filter));
	}

	/** An id as Django stores it: an integer as int32 while it fits. */
	private static Object stored(Object id) {
		if (id instanceof Long || id instanceof Integer || id instanceof Short) {
			long value = ((Number) id).longValue();
			return (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? (Object) (int) value : (Object) value;
		}
		return id;
	}

	@Override
	public String toString() {
		return "RelatedManager[" + this.relation + " in " + this.through.collection() + "]";
	}

}
