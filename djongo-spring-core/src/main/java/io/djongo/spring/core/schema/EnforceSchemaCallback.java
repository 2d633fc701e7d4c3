package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.djongo.spring.core.model.EnforceSchema;
import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.schema.internal.SchemaPlan;
import io.djongo.spring.core.schema.internal.SchemaPlan.StoredField;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.util.ClassUtils;

/**
 * djongo's {@code enforce_schema}. For a model whose schema is enforced ({@code djongo.enforce-schema: true}, or
 * {@link Model#enforceSchema()} {@link EnforceSchema#ENABLED ENABLED}), every document read for it must hold every
 * field the model declares, inside embedded documents and array elements too, or a {@link MigrationException} names
 * what is missing. It runs after conversion on every read path: repositories, QuerySets, templates and
 * {@code DjongoTemplate.toModel}.
 * <p>
 * Such models are also written with every declared field, {@code null} values included (Spring Data leaves nulls
 * out), so that a field that is empty is not mistaken for one that is missing. Fields with a sparse index are
 * exempt both ways: there a missing field means something.
 * <p>
 * Without enforcement, missing fields read as {@code null}, or keep the value the model's field initializer gives
 * (Django's {@code default}); nothing is checked or logged. The per-class decision and field list are cached.
 */
public class EnforceSchemaCallback implements AfterConvertCallback<Object>, BeforeSaveCallback<Object>, Ordered {

	private static final SchemaPlan NOT_A_MODEL = new SchemaPlan(false, List.of());

	private final MongoMappingContext mappingContext;

	private final boolean enforceByDefault;

	private final ConcurrentMap<Class<?>, SchemaPlan> plans = new ConcurrentHashMap<>();

	/**
	 * @param mappingContext the mapping context that knows the models' stored fields
	 * @param enforceByDefault the {@code djongo.enforce-schema} setting: whether models that do not say are enforced
	 */
	public EnforceSchemaCallback(MongoMappingContext mappingContext, boolean enforceByDefault) {
		this.mappingContext = mappingContext;
		this.enforceByDefault = enforceByDefault;
	}

	/**
	 * Whether the schema of a model is enforced: its documents are checked when read, and written with its null
	 * fields.
	 */
	public boolean enforces(Class<?> model) {
		return plan(model).enforced();
	}

	/**
	 * The fields a document read for a model must hold at its top level, when its schema is enforced (embedded
	 * documents and array elements are checked too); empty when it is not.
	 */
	public Set<String> requiredFields(Class<?> model) {
		SchemaPlan plan = plan(model);
		if (!plan.enforced()) {
			return Set.of();
		}
		Set<String> fields = new LinkedHashSet<>();
		for (StoredField field : plan.fields()) {
			fields.add(field.name());
		}
		return fields;
	}

	@Override
	public Object onAfterConvert(Object model, Document document, String collection) {
		SchemaPlan plan = plan(ClassUtils.getUserClass(model));
		if (plan.enforced()) {
			List<String> missing = new ArrayList<>();
			findMissing(plan, document, "", missing);
			if (!missing.isEmpty()) {
				throw new MigrationException(ClassUtils.getUserClass(model), collection, document.get("_id"), missing);
			}
		}
		return model;
	}

	@Override
	public Object onBeforeSave(Object model, Document document, String collection) {
		SchemaPlan plan = plan(ClassUtils.getUserClass(model));
		if (plan.enforced()) {
			writeNulls(plan, document);
		}
		return model;
	}

	private void findMissing(SchemaPlan plan, Document document, String prefix, List<String> missing) {
		for (StoredField field : plan.fields()) {
			if (!document.containsKey(field.name())) {
				missing.add(prefix + field.name());
				continue;
			}
			Class<?> embedded = field.embeddedType();
			if (embedded == null) {
				continue;
			}
			Object value = document.get(field.name());
			if (value instanceof Document nested) {
				findMissing(plan(embedded), nested, prefix + field.name() + ".", missing);
			}
			else if (value instanceof List<?> elements) {
				for (int i = 0; i < elements.size(); i++) {
					if (elements.get(i) instanceof Document nested) {
						findMissing(plan(embedded), nested, prefix + field.name() + "[" + i + "].", missing);
					}
				}
			}
		}
	}

	private void writeNulls(SchemaPlan plan, Document document) {
		for (StoredField field : plan.fields()) {
			Object value = document.get(field.name());
			if (value == null) {
				document.put(field.name(), null);
				continue;
			}
			Class<?> embedded = field.embeddedType();
			if (embedded == null) {
				continue;
			}
			if (value instanceof Document nested) {
				writeNulls(plan(embedded), nested);
			}
			else if (value instanceof List<?> elements) {
				for (Object element : elements) {
					if (element instanceof Document nested) {
						writeNulls(plan(embedded), nested);
					}
				}
			}
		}
	}

	private SchemaPlan plan(Class<?> type) {
		SchemaPlan plan = this.plans.get(type);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(type, this::resolve);
		}
		return plan;
	}

	private SchemaPlan resolve(Class<?> type) {
		MongoPersistentEntity<?> entity = persistentEntity(type);
		return (entity != null) ? SchemaPlan.of(entity, this.enforceByDefault) : NOT_A_MODEL;
	}

	private @Nullable MongoPersistentEntity<?> persistentEntity(Class<?> type) {
		if (org.bson.Document.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
				|| ClassUtils.isPrimitiveOrWrapper(type) || type.getName().startsWith("java.")
				|| java.lang.reflect.Proxy.isProxyClass(type)) {
			return null;
		}
		return this.mappingContext.getPersistentEntity(type);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
