package io.djongo.spring.core.schema.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;

/**
 * The {@code __schema__} entries of collections shared with Django, as djongo 1.3's {@code CREATE TABLE} writes them:
 * each column with the type code of djongo's {@code DatabaseWrapper.data_types} ({@code AutoField: int},
 * {@code BigIntegerField: long}, {@code CharField: string}, {@code DecimalField: decimal}, {@code DateTimeField: date},
 * ...), a foreign key ({@code author_id}) with its target's id code (Django's {@code rel_db_type}), and the
 * auto-increment column in {@code auto.field_names}.
 */
final class DjangoSchema {

	private DjangoSchema() {
	}

	/** Whether a class is a model stored as Django stores it. */
	static boolean isDjango(Class<?> type,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		return mappingContext instanceof DjongoMappingContext djongo && djongo.storageOf(type) == Storage.DJANGO;
	}

	/** The entry of a model's collection: its columns, and its counter when its id is an auto-increment one. */
	static DjangoCounter counter(MongoPersistentEntity<?> entity,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		MongoPersistentProperty id = entity.getIdProperty();
		String counted = (id != null && (id.getType() == Long.class || id.getType() == Integer.class))
				? id.getFieldName() : null;
		return new DjangoCounter(counted, fields(entity, mappingContext));
	}

	/** The {@code fields} of a model's entry: its columns in declaration order, the id first. */
	static Document fields(MongoPersistentEntity<?> entity,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		Document fields = new Document();
		MongoPersistentProperty id = entity.getIdProperty();
		if (id != null) {
			fields.append(id.getFieldName(), typeCode(idCode(id.getType())));
		}
		// declaration order, relations among the other columns, as Django lists a model's fields
		for (MongoPersistentProperty property : entity) {
			if (property.isIdProperty() || !property.isWritable()) {
				continue;
			}
			String code = !property.isAssociation() ? code(property) : property.isCollectionLike() ? "array"
					: idCode(targetIdType(property.getAssociationTargetType(), mappingContext));
			fields.append(property.getFieldName(), typeCode(code));
		}
		return fields;
	}

	/** The counter of a through collection Django creates: {@code {id, <owner>_id, <target>_id}}. */
	static DjangoCounter throughCounter(Relation relation,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		Relation.Through through = requiredThrough(relation);
		Document fields = new Document("id", typeCode("int"))
			.append(through.toOwner().storedField(),
					typeCode(idCode(targetIdType(through.toOwner().target(), mappingContext))))
			.append(through.toTarget().storedField(),
					typeCode(idCode(targetIdType(through.toTarget().target(), mappingContext))));
		return new DjangoCounter("id", fields);
	}

	static Relation.Through requiredThrough(Relation relation) {
		Relation.Through through = relation.through();
		if (through == null) {
			throw new IllegalArgumentException(relation + " is not carried by a through collection");
		}
		return through;
	}

	private static Document typeCode(String code) {
		return new Document("type_code", code);
	}

	private static @Nullable Class<?> targetIdType(@Nullable Class<?> target,
			MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> mappingContext) {
		MongoPersistentEntity<?> entity = (target != null) ? mappingContext.getPersistentEntity(target) : null;
		MongoPersistentProperty id = (entity != null) ? entity.getIdProperty() : null;
		return (id != null) ? id.getType() : null;
	}

	/** An id's code: an integer id is Django's AutoField ({@code int}); others as their values. */
	private static String idCode(@Nullable Class<?> type) {
		if (type == null) {
			return "int";
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Long.class || boxed == Integer.class) {
			return "int";
		}
		return code(boxed);
	}

	private static String code(MongoPersistentProperty property) {
		if (property.getType() == byte[].class) {
			return "binData";
		}
		if (property.isMap()) {
			return "object";
		}
		if (property.isCollectionLike()) {
			return "array";
		}
		if (property.isEntity()) {
			return "object";
		}
		return code(ClassUtils.resolvePrimitiveIfNecessary(property.getType()));
	}

	/** djongo's {@code data_types} code of the Django field a Java type stands for. */
	static String code(Class<?> type) {
		if (type == String.class || type == Character.class || type.isEnum() || type == UUID.class) {
			return "string";
		}
		if (type == Integer.class || type == Short.class || type == Byte.class) {
			return "int";
		}
		if (type == Long.class || type == Duration.class) {
			return "long";
		}
		if (type == Double.class || type == Float.class) {
			return "double";
		}
		if (type == BigDecimal.class || type == BigInteger.class) {
			return "decimal";
		}
		if (type == Boolean.class) {
			return "bool";
		}
		if (Temporal.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
			return "date";
		}
		if (type == ObjectId.class) {
			return "objectId";
		}
		if (type == byte[].class || type == Binary.class) {
			return "binData";
		}
		if (Map.class.isAssignableFrom(type) || type == Document.class) {
			return "object";
		}
		return "object";
	}

}
