package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.schema.ValidatorState;
import io.djongo.spring.core.schema.ValidatorState.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Puts each model's {@code $jsonSchema} on its collection: {@code create} with the validator when the collection does
 * not exist, {@code collMod} when its validator, level or action differ, nothing when they match. A change is logged
 * as a diff, path by path, before it is sent. The embedded server accepts validators without enforcing them, so
 * nothing is sent there (one INFO line says so); a user without the privilege gets one WARN.
 */
final class ValidatorApplier {

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final MongoOperations operations;

	private final Function<Class<?>, Document> schemas;

	private final BooleanSupplier embedded;

	ValidatorApplier(MongoOperations operations, Function<Class<?>, Document> schemas, BooleanSupplier embedded) {
		this.operations = operations;
		this.schemas = schemas;
		this.embedded = embedded;
	}

	/** MongoDB's {@code validator} option of a model: {@code {$jsonSchema: {...}}}. */
	Document validator(Class<?> model) {
		return new Document("$jsonSchema", this.schemas.apply(model));
	}

	/** The validation options of a collection: {@code validator}, {@code validationLevel}, {@code validationAction}. */
	static Document validation(Document validator, SchemaValidation validation, SchemaValidation.Level level) {
		return new Document("validator", validator).append("validationLevel", level.level())
			.append("validationAction", validation.action());
	}

	/** The {@code collMod} command changing a collection's validator, as MongoDB documents it. */
	static Document collModCommand(String collection, Document validator, SchemaValidation validation,
			SchemaValidation.Level level) {
		Document command = new Document("collMod", collection);
		command.putAll(validation(validator, validation, level));
		return command;
	}

	List<ValidatorState> apply(List<ModelMetadata> models, SchemaValidation validation, SchemaValidation.Level level) {
		if (validation == SchemaValidation.OFF || models.isEmpty()) {
			return List.of();
		}
		List<ValidatorState> states = new ArrayList<>();
		if (this.embedded.getAsBoolean()) {
			logger.info("djongo: the embedded server accepts validators but does not enforce them; djongo.schema"
					+ ".validation is applied on MongoDB only");
			for (ModelMetadata model : models) {
				states.add(new ValidatorState(model.name(), collection(model), Status.SKIPPED, List.of()));
			}
			return states;
		}
		List<String> unprivileged = new ArrayList<>();
		for (ModelMetadata model : models) {
			try {
				states.add(apply(model, validation, level));
			}
			catch (RuntimeException ex) {
				if (!IndexReconciler.isUnauthorized(ex)) {
					throw ex;
				}
				unprivileged.add(model.name());
				states.add(new ValidatorState(model.name(), collection(model), Status.SKIPPED, List.of()));
			}
		}
		if (!unprivileged.isEmpty()) {
			logger.warn("djongo: the user may not create collections or change validators (collMod privilege); the"
					+ " validators of " + String.join(", ", unprivileged) + " are not applied");
		}
		return states;
	}

	private ValidatorState apply(ModelMetadata model, SchemaValidation validation, SchemaValidation.Level level) {
		String collection = collection(model);
		Document validator = validator(model.type());
		Document options = options(collection);
		if (options == null) {
			this.operations.executeCommand(CollectionCreation.createCommand(model, collection,
					validation(validator, validation, level)));
			logger.info("djongo: created collection '" + collection + "' with the validator of " + model.name());
			return new ValidatorState(model.name(), collection, Status.CREATED, List.of());
		}
		List<String> changes = new ArrayList<>(DocumentDiff.lines(options.get("validator"), validator));
		if (!level.level().equals(options.getString("validationLevel"))) {
			changes.add("~ validationLevel: " + options.getString("validationLevel") + " -> " + level.level());
		}
		if (!validation.action().equals(options.getString("validationAction"))) {
			changes.add("~ validationAction: " + options.getString("validationAction") + " -> " + validation.action());
		}
		if (changes.isEmpty()) {
			return new ValidatorState(model.name(), collection, Status.UNCHANGED, List.of());
		}
		logger.info("djongo: the validator of " + model.name() + " (collection '" + collection + "') changes:\n  "
				+ String.join("\n  ", changes));
		this.operations.executeCommand(collModCommand(collection, validator, validation, level));
		return new ValidatorState(model.name(), collection, Status.MODIFIED, List.copyOf(changes));
	}

	/** The options of a collection ({@code validator}, {@code validationLevel}, ...), or null when it does not exist. */
	private @Nullable Document options(String collection) {
		Document found = this.operations.execute((database) -> database.listCollections()
			.filter(new Document("name", collection))
			.first());
		if (found == null) {
			return null;
		}
		Document options = found.get("options", Document.class);
		return (options != null) ? options : new Document();
	}

	private static String collection(ModelMetadata model) {
		String collection = model.collection();
		if (collection == null) {
			throw new IllegalArgumentException(model.name() + " is a container: it has no collection");
		}
		return collection;
	}

}
