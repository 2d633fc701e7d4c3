package io.djongo.spring.core.model;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OneToOne;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.data.mapping.model.FieldNamingStrategy;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.PropertyNameFieldNamingStrategy;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.mapping.BasicMongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.CachingMongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.DocumentReference;
import org.springframework.data.mongodb.core.mapping.MongoField;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Spring Data's MongoDB mapping context, with djongo's relations: a {@link ForeignKey} or {@link OneToOne} field
 * is a lazy document reference stored as {@code <field>_id}, a {@link ManyToMany} list a lazy document reference
 * stored as an array of ids. Everything else is mapped exactly as Spring Data maps it.
 */
public class DjongoMappingContext extends MongoMappingContext {

	private FieldNamingStrategy fieldNamingStrategy = PropertyNameFieldNamingStrategy.INSTANCE;

	private final AtomicLong generation = new AtomicLong();

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
		return new RelationProperty(property, owner, simpleTypeHolder, this.fieldNamingStrategy).validated();
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

		RelationProperty(Property property, MongoPersistentEntity<?> owner, SimpleTypeHolder simpleTypeHolder,
				FieldNamingStrategy fieldNamingStrategy) {
			super(property, owner, simpleTypeHolder, fieldNamingStrategy);
			boolean foreignKey = isAnnotationPresent(ForeignKey.class) || isAnnotationPresent(OneToOne.class);
			ManyToMany manyToMany = findAnnotation(ManyToMany.class);
			this.through = manyToMany != null && manyToMany.through() != void.class;
			this.relation = !this.through && (foreignKey || manyToMany != null);
			this.storedWithIdSuffix = foreignKey;
		}

		@Override
		public boolean isTransient() {
			// a many-to-many carried by a through model is not stored in this model's documents
			return this.through || super.isTransient();
		}

		RelationProperty validated() {
			validate();
			return this;
		}

		@Override
		public boolean isDocumentReference() {
			return this.relation || super.isDocumentReference();
		}

		@Override
		public @Nullable DocumentReference getDocumentReference() {
			return this.relation ? LAZY_REFERENCE : super.getDocumentReference();
		}

		@Override
		public boolean isAssociation() {
			return this.relation || super.isAssociation();
		}

		@Override
		protected MongoField doGetMongoField() {
			MongoField field = super.doGetMongoField();
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
