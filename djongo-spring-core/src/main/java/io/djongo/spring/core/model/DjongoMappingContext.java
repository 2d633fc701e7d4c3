package io.djongo.spring.core.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OneToOne;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mapping.model.FieldNamingStrategy;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.PropertyNameFieldNamingStrategy;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.mapping.BasicMongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.CachingMongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.DocumentReference;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.MongoField;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Spring Data's MongoDB mapping context, with djongo's relations: a {@link ForeignKey} or {@link OneToOne} field
 * is a lazy document reference stored as {@code <field>_id}, a {@link ManyToMany} list a lazy document reference
 * stored as an array of ids. Everything else is mapped exactly as Spring Data maps it.
 * <p>
 * Models in {@link Storage#DJANGO Django storage} ({@link #setDefaultStorage(Storage)}, or {@link Model#storage()})
 * are mapped as djongo stores them: the id is the document field named like the id property ({@code id}), not
 * {@code _id}; references to them are looked up by that field; a many-to-many field of theirs is not stored in
 * their documents (a through collection carries it, as Django's does).
 */
public class DjongoMappingContext extends MongoMappingContext {

	private FieldNamingStrategy fieldNamingStrategy = PropertyNameFieldNamingStrategy.INSTANCE;

	private final AtomicLong generation = new AtomicLong();

	private Storage defaultStorage = Storage.NATIVE;

	private final Map<Class<?>, Storage> storages = new ConcurrentHashMap<>();

	/**
	 * How models that do not say ({@link Model#storage()} {@code DEFAULT}) are stored: {@code djongo.storage}.
	 * Set before the first entity is created, as the other settings of a mapping context.
	 */
	public void setDefaultStorage(Storage storage) {
		this.defaultStorage = (storage == Storage.DEFAULT) ? Storage.NATIVE : storage;
		this.storages.clear();
	}

	/** How a model's documents are stored: its {@link Model#storage()}, else the default; never {@code DEFAULT}. */
	public Storage storageOf(Class<?> type) {
		Storage storage = this.storages.get(type);
		if (storage == null) {
			Model model = AnnotatedElementUtils.findMergedAnnotation(type, Model.class);
			storage = (model == null || model.storage() == Storage.DEFAULT) ? this.defaultStorage : model.storage();
			this.storages.put(type, storage);
		}
		return storage;
	}

	/**
	 * The stored name of the id of a model in Django storage whose references are looked up by another field than
	 * {@code _id}; null for any other model.
	 */
	private @Nullable String djangoIdField(Class<?> type) {
		if (storageOf(type) != Storage.DJANGO) {
			return null;
		}
		MongoPersistentEntity<?> entity = getPersistentEntity(type);
		MongoPersistentProperty id = (entity != null) ? entity.getIdProperty() : null;
		if (id == null || id.getFieldName().equals("_id")) {
			return null;
		}
		if (!id.getFieldName().equals(id.getName())) {
			// Spring Data computes the pointer it stores from the property named like the lookup's key
			throw new MappingException(type.getSimpleName() + "." + id.getName() + " is stored as '"
					+ id.getFieldName() + "' (Django storage): relations to " + type.getSimpleName()
					+ " need the id property named as its column; rename it " + id.getFieldName());
		}
		return id.getFieldName();
	}

	/**
	 * How many entities this context has learnt: what {@link ModelRegistry} keeps its reverse relations for, so that
	 * a model known only after start-up is seen too.
	 */
	long generation() {
		return this.generation.get();
	}

	@Override
	protected <T> BasicMongoPersistentEntity<T> createPersistentEntity(TypeInformation<T> typeInformation) {
		// counted under the context's write lock; readers of the entities wait until this one is complete
		this.generation.incrementAndGet();
		return super.createPersistentEntity(typeInformation);
	}

	@Override
	public void setFieldNamingStrategy(@Nullable FieldNamingStrategy fieldNamingStrategy) {
		super.setFieldNamingStrategy(fieldNamingStrategy);
		this.fieldNamingStrategy = (fieldNamingStrategy != null) ? fieldNamingStrategy
				: PropertyNameFieldNamingStrategy.INSTANCE;
	}

	@Override
	public MongoPersistentProperty createPersistentProperty(Property property, MongoPersistentEntity<?> owner,
			SimpleTypeHolder simpleTypeHolder) {
		return new RelationProperty(property, owner, simpleTypeHolder, this.fieldNamingStrategy,
				storageOf(owner.getType()) == Storage.DJANGO, this::djangoIdField).validated();
	}

	/**
	 * A property that knows djongo's relation annotations.
	 */
	static final class RelationProperty extends CachingMongoPersistentProperty {

		private static final DocumentReference LAZY_REFERENCE = MergedAnnotation
			.of(DocumentReference.class, Map.of("lazy", true))
			.synthesize();

		private final boolean relation;

		private final boolean storedWithIdSuffix;

		private final boolean through;

		private final FieldNamingStrategy fieldNamingStrategy;

		/** Whether the owner is stored as Django stores it. */
		private final boolean django;

		/** The stored id of a model in Django storage that references look up, or null: see djangoIdField. */
		private final Function<Class<?>, @Nullable String> referencedIdField;

		private volatile @Nullable DocumentReference reference;

		RelationProperty(Property property, MongoPersistentEntity<?> owner, SimpleTypeHolder simpleTypeHolder,
				FieldNamingStrategy fieldNamingStrategy, boolean django,
				Function<Class<?>, @Nullable String> referencedIdField) {
			super(property, owner, simpleTypeHolder, fieldNamingStrategy);
			this.fieldNamingStrategy = fieldNamingStrategy;
			this.django = django;
			this.referencedIdField = referencedIdField;
			boolean foreignKey = isAnnotationPresent(ForeignKey.class) || isAnnotationPresent(OneToOne.class);
			ManyToMany manyToMany = findAnnotation(ManyToMany.class);
			// in Django storage every many-to-many is carried by a through collection, as Django's is
			this.through = manyToMany != null && (manyToMany.through() != void.class || django);
			this.relation = !this.through && (foreignKey || manyToMany != null);
			this.storedWithIdSuffix = foreignKey;
		}

		@Override
		public boolean isTransient() {
			// a many-to-many carried by a through model is not stored in this model's documents
			return this.through || super.isTransient();
		}

		RelationProperty validated() {
			if (!this.django) {
				// Spring Data's warning that an id is always stored as _id: not so in Django storage
				validate();
			}
			return this;
		}

		@Override
		public Class<?> getFieldType() {
			// Spring Data would convert an id that can be an ObjectId (a hex string) into one; Django's stays as it is
			return (this.django && isIdProperty() && !hasExplicitWriteTarget()) ? getType() : super.getFieldType();
		}

		@Override
		public boolean isDocumentReference() {
			return this.relation || super.isDocumentReference();
		}

		@Override
		public @Nullable DocumentReference getDocumentReference() {
			if (!this.relation) {
				return super.getDocumentReference();
			}
			DocumentReference result = this.reference;
			if (result == null) {
				String idField = this.referencedIdField.apply(getActualType());
				result = (idField == null) ? LAZY_REFERENCE
						: MergedAnnotation
							.of(DocumentReference.class,
									Map.of("lazy", true, "lookup", "{ '" + idField + "' : ?#{#target} }"))
							.synthesize();
				this.reference = result;
			}
			return result;
		}

		@Override
		public boolean isAssociation() {
			return this.relation || super.isAssociation();
		}

		@Override
		protected MongoField doGetMongoField() {
			MongoField field = super.doGetMongoField();
			if (this.django && isIdProperty()) {
				// Django's primary key column: the property's name (or @Field's), never _id
				Field annotation = findAnnotation(Field.class);
				String name = (annotation != null && !annotation.value().isEmpty()) ? annotation.value()
						: this.fieldNamingStrategy.getFieldName(this);
				return MongoField.builder()
					.path(name)
					.fieldType(field.getFieldType())
					.order(field.getOrder())
					.build();
			}
			if (!this.storedWithIdSuffix || hasExplicitFieldName()) {
				return field;
			}
			return MongoField.builder()
				.path(field.getName().name() + "_id")
				.fieldType(field.getFieldType())
				.order(field.getOrder())
				.build();
		}

	}

}
