package io.djongo.spring.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * What djongo knows of one model or {@link ModelContainer} class: its collection, fields, id, default ordering and
 * verbose names. Obtained from {@link ModelRegistry}; immutable.
 */
public final class ModelMetadata {

	private final Class<?> type;

	private final @Nullable String collection;

	private final Map<String, FieldDescriptor> fields;

	private final @Nullable FieldDescriptor id;

	private final List<String> ordering;

	private final List<String> getLatestBy;

	private final String verboseName;

	private final String verboseNamePlural;

	private final MongoPersistentEntity<?> entity;

	private final Map<String, Relation> throughRelations;

	private final Storage storage;

	private final @Nullable ReadConcern readConcern;

	private final @Nullable WriteConcern writeConcern;

	private final @Nullable ReadPreference readPreference;

	private final @Nullable CappedCollection capped;

	ModelMetadata(MongoPersistentEntity<?> entity, Map<String, FieldDescriptor> fields,
			Map<String, Relation> throughRelations, Storage storage) {
		this.entity = entity;
		this.storage = storage;
		this.throughRelations = Collections.unmodifiableMap(new LinkedHashMap<>(throughRelations));
		this.type = entity.getType();
		this.collection = entity.isAnnotationPresent(Document.class) ? entity.getCollection() : null;
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		this.id = fields.values().stream().filter(FieldDescriptor::isId).findFirst().orElse(null);
		Model model = entity.findAnnotation(Model.class);
		this.ordering = (model != null) ? List.of(model.ordering()) : List.of();
		this.getLatestBy = (model != null) ? List.of(model.getLatestBy()) : List.of();
		String verbose = (model != null && !model.verboseName().isEmpty()) ? model.verboseName()
				: verboseNameOf(this.type.getSimpleName());
		this.verboseName = verbose;
		this.verboseNamePlural = (model != null && !model.verboseNamePlural().isEmpty()) ? model.verboseNamePlural()
				: verbose + "s";
		this.readConcern = (model != null) ? Concerns.readConcern(name(), model.readConcern()) : null;
		this.writeConcern = (model != null) ? Concerns.writeConcern(name(), model.writeConcern()) : null;
		this.readPreference = (model != null) ? Concerns.readPreference(name(), model.readPreference()) : null;
		this.capped = (model != null) ? CappedCollection.of(name(), this.collection == null, model) : null;
	}

	private static String verboseNameOf(String className) {
		return className.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	/** The model or container class. */
	public Class<?> type() {
		return this.type;
	}

	/** The class's simple name, as used in messages. */
	public String name() {
		return this.type.getSimpleName();
	}

	/** The collection of a model; null for a container. */
	public @Nullable String collection() {
		return this.collection;
	}

	/** The fields by Java property name, in declaration order. */
	public Map<String, FieldDescriptor> fields() {
		return this.fields;
	}

	/** A field by Java property name, or null. */
	public @Nullable FieldDescriptor field(String name) {
		return this.fields.get(name);
	}

	/**
	 * The many-to-many relations carried by a through model, by field name: not persistent in this model, so not
	 * among its {@link #fields()}.
	 */
	public Map<String, Relation> throughRelations() {
		return this.throughRelations;
	}

	/** The id field, or null for containers without one. */
	public @Nullable FieldDescriptor id() {
		return this.id;
	}

	/** How the model's documents are stored ({@code NATIVE} or {@code DJANGO}, never {@code DEFAULT}). */
	public Storage storage() {
		return this.storage;
	}

	/**
	 * The stored name of the id: {@code _id}, or in {@link Storage#DJANGO Django storage} the id's column
	 * ({@code id}). What relations to this model hold, and what lookups of its id compare.
	 */
	public String idField() {
		FieldDescriptor result = this.id;
		return (result != null) ? result.storedName() : "_id";
	}

	/** The id field, or a {@link FieldError} when the class has none. */
	public FieldDescriptor requiredId() {
		FieldDescriptor result = this.id;
		if (result == null) {
			throw new FieldError(name() + " has no id field");
		}
		return result;
	}

	/** Default ordering from {@code @Model(ordering)}; empty when unordered. */
	public List<String> ordering() {
		return this.ordering;
	}

	/** Django's {@code get_latest_by} from {@code @Model(getLatestBy)}: what earliest() and latest() order by. */
	public List<String> getLatestBy() {
		return this.getLatestBy;
	}

	/** Django's {@code verbose_name}. */
	public String verboseName() {
		return this.verboseName;
	}

	/** Django's {@code verbose_name_plural}. */
	public String verboseNamePlural() {
		return this.verboseNamePlural;
	}

	/** The read concern of the model's reads, from {@code @Model(readConcern)}; null for the client's. */
	public @Nullable ReadConcern readConcern() {
		return this.readConcern;
	}

	/** The write concern of the model's writes, from {@code @Model(writeConcern)}; null for the template's. */
	public @Nullable WriteConcern writeConcern() {
		return this.writeConcern;
	}

	/** The read preference of the model's reads, from {@code @Model(readPreference)}; null for the client's. */
	public @Nullable ReadPreference readPreference() {
		return this.readPreference;
	}

	/** The capped collection of {@code @Model(capped = true)}; null for an ordinary collection. */
	public @Nullable CappedCollection capped() {
		return this.capped;
	}

	/** The Spring Data entity behind this metadata. */
	public MongoPersistentEntity<?> entity() {
		return this.entity;
	}

	/** The field names, sorted, as Django lists them in "Choices are: ..." messages. */
	public String choices() {
		return this.fields.keySet().stream().sorted().collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return "ModelMetadata[" + name() + ((this.collection != null) ? " -> " + this.collection : " (container)") + "]";
	}

}
