package io.djongo.spring.core.gridfs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.gridfs.FileFields.FileFieldProperty;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.mapping.event.AbstractDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeDeleteEvent;

/**
 * Deletes the files of {@code deleteWithModel} fields once their model's documents are deleted through a repository
 * or template ({@code delete}, {@code deleteById}, {@code deleteAll}, {@code remove(query, Model.class)}; a delete
 * that names only a collection applies to the models mapped to it).
 * <p>
 * Before the delete, the files the matching documents refer to are read (one query); after it, the files of the
 * documents that are really gone (one more query) are deleted, unless another document still refers to them. Raw
 * {@code mongoDelete*} calls leave files alone.
 */
public class FileFieldDeleteListener implements ApplicationListener<AbstractDeleteEvent<?>>, BeanFactoryAware {

	/** Bounds what failed deletes can leave behind in a thread. */
	private static final int MAX_PENDING_DELETES = 64;

	private static final ThreadLocal<Map<Document, List<OwnedFile>>> pendingDeletes = ThreadLocal
		.withInitial(IdentityHashMap::new);

	private final FileFields fields;

	private @Nullable BeanFactory beanFactory;

	public FileFieldDeleteListener(MongoDatabaseFactory databaseFactory, MongoMappingContext mappingContext) {
		this.fields = new FileFields(mappingContext, databaseFactory,
				(field) -> FileFieldCallbacks.storage(this.beanFactory, field));
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void onApplicationEvent(AbstractDeleteEvent<?> event) {
		// Spring Data's AbstractMongoEventListener drops delete events without a type, such as deleteAll()'s
		if (event instanceof BeforeDeleteEvent<?> before) {
			beforeDelete(before);
		}
		else if (event instanceof AfterDeleteEvent<?> after) {
			afterDelete(after);
		}
	}

	private void beforeDelete(BeforeDeleteEvent<?> event) {
		Class<?> model = event.getType();
		String collection = event.getCollectionName();
		if (collection == null) {
			return;
		}
		List<FileFieldProperty> owned = ((model != null) ? this.fields.of(model) : this.fields.ofCollection(collection))
			.stream()
			.filter(FileFieldProperty::deleteWithModel)
			.toList();
		if (owned.isEmpty()) {
			return;
		}
		List<String> projection = new ArrayList<>(owned.stream().map(FileFieldProperty::fieldName).toList());
		projection.add("_id");
		List<OwnedFile> files = new ArrayList<>();
		for (Document document : this.fields.collection(collection)
			.find(event.getDocument())
			.projection(Projections.include(projection))) {
			for (FileFieldProperty field : owned) {
				StoredFile file = this.fields.referencedFile(document, field);
				if (file != null) {
					Object owner = Objects.requireNonNull(document.get("_id"), "a stored document has an _id");
					files.add(new OwnedFile(owner, field, file));
				}
			}
		}
		if (!files.isEmpty()) {
			Map<Document, List<OwnedFile>> pending = pendingDeletes.get();
			if (pending.size() >= MAX_PENDING_DELETES) {
				pending.clear();
			}
			pending.put(event.getDocument(), files);
		}
	}

	private void afterDelete(AfterDeleteEvent<?> event) {
		List<OwnedFile> files = pendingDeletes.get().remove(event.getDocument());
		String collection = event.getCollectionName();
		if (files == null || collection == null) {
			return;
		}
		Set<Object> owners = new HashSet<>();
		files.forEach((file) -> owners.add(file.owner()));
		Set<Object> remaining = new HashSet<>();
		this.fields.collection(collection)
			.find(Filters.in("_id", owners))
			.projection(Projections.include("_id"))
			.forEach((document) -> remaining.add(document.get("_id")));
		for (OwnedFile file : files) {
			if (!remaining.contains(file.owner())) {
				this.fields.deleteUnlessReferenced(collection, file.field(), file.file());
			}
		}
	}

	private record OwnedFile(Object owner, FileFieldProperty field, StoredFile file) {
	}

}
