package io.djongo.spring.core.bulk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import org.bson.Document;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.util.ClassUtils;

/**
 * Django's {@code bulk_update(objs, fields)}: the named fields of saved models written with one {@code bulkWrite} of
 * {@code updateOne}s by id, ordered. Django's rules hold: field names must be given, a primary key or a
 * many-to-many field cannot be updated, every model must have an id and be of one model class. The models are
 * validated whole, as a bulk create validates them, before anything is sent. Each field is written as a save stores
 * it ({@code $set} of its converted value; {@code $unset} where a save leaves it out, a null). A {@code @Version} is
 * neither checked nor changed, as Django has none.
 */
public final class BulkUpdates {

	private final BulkSupport support;

	public BulkUpdates(BulkSupport support) {
		this.support = support;
	}

	/**
	 * @return the number of documents matched (Django's return value)
	 */
	public long update(Collection<?> models, String... fields) {
		if (fields.length == 0) {
			throw new InvalidDataAccessApiUsageException("Field names must be given to bulk_update().");
		}
		if (models.isEmpty()) {
			return 0;
		}
		List<?> batch = List.copyOf(models);
		Class<?> type = ClassUtils.getUserClass(batch.get(0));
		ModelMetadata metadata = this.support.models().metadata(type);
		List<FieldDescriptor> written = new ArrayList<>();
		for (String name : fields) {
			written.add(field(metadata, name));
		}
		for (Object model : batch) {
			if (ClassUtils.getUserClass(model) != type) {
				throw new InvalidDataAccessApiUsageException("bulk_update() updates models of one class: "
						+ metadata.name() + " and " + ClassUtils.getUserClass(model).getSimpleName() + " were given");
			}
			if (metadata.entity().getIdentifierAccessor(model).getIdentifier() == null) {
				throw new InvalidDataAccessApiUsageException("All bulk_update() objects must have a primary key set.");
			}
		}
		this.support.validateAll(batch);
		List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
		// Django storage writes a null as null, and finds a model by its id column
		boolean nulls = metadata.storage() == Storage.DJANGO;
		String idField = metadata.idField();
		for (Object model : batch) {
			Document document = this.support.encode(model);
			Document set = new Document();
			Document unset = new Document();
			for (FieldDescriptor field : written) {
				String stored = field.storedName();
				if (document.get(stored) != null || (nulls && document.containsKey(stored))) {
					set.append(stored, document.get(stored));
				}
				else {
					unset.append(stored, "");
				}
			}
			Document update = new Document();
			if (!set.isEmpty()) {
				update.append("$set", set);
			}
			if (!unset.isEmpty()) {
				update.append("$unset", unset);
			}
			writes.add(new UpdateOneModel<>(Filters.eq(idField, document.get(idField)), update));
		}
		return this.support.send(this.support.collection(type), writes, true).getMatchedCount();
	}

	private static FieldDescriptor field(ModelMetadata model, String name) {
		FieldDescriptor field = model.field(name);
		if (field == null) {
			throw new FieldError(model.name() + " has no field named '" + name + "'. Choices are: " + model.choices());
		}
		if (field.isId()) {
			throw new InvalidDataAccessApiUsageException("bulk_update() cannot be used with primary key fields.");
		}
		Relation relation = field.relation();
		if (relation != null && relation.isManyToMany()) {
			throw new InvalidDataAccessApiUsageException("bulk_update() can only be used with concrete fields: "
					+ model.name() + "." + name + " is a many-to-many field.");
		}
		return field;
	}

}
