package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.djongo.spring.core.model.CappedCollection;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.schema.CollectionState;
import io.djongo.spring.core.schema.CollectionState.Status;
import io.djongo.spring.core.schema.CollectionVerificationException;
import io.djongo.spring.core.schema.IndexMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Brings the collections of capped models ({@code @Model(capped = true)}) in line with their declarations, once:
 * <ol>
 * <li>one {@code listCollections} of the capped models' collections;</li>
 * <li>a missing one is created capped ({@link CollectionCreation}) in {@link IndexMode#CREATE};</li>
 * <li>one that exists uncapped, or capped with another size or document limit, is reported in one WARN line naming
 * the model and the difference, and never converted: {@code convertToCapped} rewrites the collection under a lock
 * and keeps only the newest documents that fit, which is not a start-up's decision to make.</li>
 * </ol>
 * In {@link IndexMode#VERIFY} nothing is created and a missing or different collection fails start-up. The embedded
 * server cannot create capped collections: there nothing is sent and one INFO line says so. Models that declare no
 * capped collection cost nothing: no command is sent when there is none.
 */
final class CappedCollections {

	/** MongoDB's smallest capped collection, in bytes; smaller sizes are raised to it. */
	private static final long SMALLEST = 4096;

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final MongoOperations operations;

	private final BooleanSupplier embedded;

	CappedCollections(MongoOperations operations, BooleanSupplier embedded) {
		this.operations = operations;
		this.embedded = embedded;
	}

	/** Compares (and in create mode creates) the collection of every capped model; returns the state of each. */
	List<CollectionState> reconcile(List<ModelMetadata> models, IndexMode mode) {
		return reconcile(models, mode, true);
	}

	/** The state of every capped model's collection, compared without creating or failing. */
	List<CollectionState> inspect(List<ModelMetadata> models) {
		return reconcile(models, IndexMode.VERIFY, false);
	}

	/** How a capped model's collection differs from its declaration; empty when it does not, or is not capped. */
	String difference(ModelMetadata model) {
		CappedCollection declared = model.capped();
		String collection = model.collection();
		if (declared == null || collection == null || this.embedded.getAsBoolean()) {
			return "";
		}
		Document options = options(List.of(collection)).get(collection);
		return (options != null) ? difference(declared, options) : "";
	}

	private List<CollectionState> reconcile(List<ModelMetadata> models, IndexMode mode, boolean act) {
		List<ModelMetadata> capped = models.stream()
			.filter((model) -> model.capped() != null && model.collection() != null)
			.toList();
		if (mode == IndexMode.OFF || capped.isEmpty()) {
			return List.of();
		}
		List<CollectionState> states = new ArrayList<>();
		if (this.embedded.getAsBoolean()) {
			for (ModelMetadata model : capped) {
				states.add(state(model, Status.UNSUPPORTED, "the embedded server cannot create capped collections"));
			}
			if (act) {
				logger.info("djongo: the embedded server cannot create capped collections; these are ordinary"
						+ " collections there (real MongoDB gets them capped, and tail() needs one): "
						+ capped.stream().map(CappedCollections::describe).collect(Collectors.joining(", ")));
			}
			return List.copyOf(states);
		}
		Map<String, Document> existing = options(capped.stream().map(CappedCollections::collection).toList());
		List<CollectionState> unprivileged = new ArrayList<>();
		for (ModelMetadata model : capped) {
			CollectionState state = compare(model, existing.get(collection(model)));
			if (act && state.status() == Status.MISSING && mode == IndexMode.CREATE) {
				state = create(model, unprivileged);
			}
			else if (act && state.status() == Status.DIFFERENT && mode == IndexMode.CREATE) {
				logger.warn("djongo: the collection '" + state.collection() + "' of " + state.model()
						+ " differs from its @Model: " + state.detail());
			}
			states.add(state);
		}
		if (!act) {
			return List.copyOf(states);
		}
		if (mode == IndexMode.VERIFY) {
			List<CollectionState> problems = states.stream()
				.filter((state) -> state.status() == Status.MISSING || state.status() == Status.DIFFERENT)
				.toList();
			if (!problems.isEmpty()) {
				throw new CollectionVerificationException(problems);
			}
		}
		if (!unprivileged.isEmpty()) {
			logger.warn("djongo: the user may not create collections (createCollection privilege); missing capped"
					+ " collections: " + unprivileged.stream().map(CollectionState::toString)
						.collect(Collectors.joining(", "))
					+ ". A first insert would create them uncapped: have an administrator run --djongo.migrate");
		}
		return List.copyOf(states);
	}

	private CollectionState create(ModelMetadata model, List<CollectionState> unprivileged) {
		try {
			this.operations.executeCommand(CollectionCreation.createCommand(model, collection(model), null));
		}
		catch (RuntimeException ex) {
			if (!IndexReconciler.isUnauthorized(ex)) {
				throw ex;
			}
			CollectionState missing = state(model, Status.MISSING, "not privileged to create collections");
			unprivileged.add(missing);
			return missing;
		}
		logger.info("djongo: created capped collection " + describe(model));
		return state(model, Status.CREATED, "");
	}

	private static CollectionState compare(ModelMetadata model, @Nullable Document options) {
		if (options == null) {
			return state(model, Status.MISSING, "");
		}
		CappedCollection declared = Objects.requireNonNull(model.capped());
		String difference = difference(declared, options);
		return difference.isEmpty() ? state(model, Status.PRESENT, "") : state(model, Status.DIFFERENT, difference);
	}

	/**
	 * How a collection's options (as {@code listCollections} reports them) differ from a declared capped collection;
	 * empty when they match. The server rounds a size up to a multiple of 256 bytes, and to at least 4,096.
	 */
	static String difference(CappedCollection declared, Document options) {
		String declaration = "declared capped, maxSize " + declared.maxSize()
				+ ((declared.maxDocuments() > 0) ? ", maxDocuments " + declared.maxDocuments() : "");
		if (!Boolean.TRUE.equals(options.get("capped"))) {
			return "the collection is not capped (" + declaration + "); djongo does not convert a collection: convert"
					+ " it yourself (convertToCapped keeps only the newest documents that fit), or drop it and djongo"
					+ " creates it capped";
		}
		long size = number(options.get("size"));
		long max = number(options.get("max"));
		long wanted = declared.maxSize();
		boolean sameSize = size == wanted || size == ((wanted + 255) / 256) * 256
				|| (wanted <= SMALLEST && size == SMALLEST);
		boolean sameMax = max == declared.maxDocuments() || (max <= 0 && declared.maxDocuments() == 0);
		if (sameSize && sameMax) {
			return "";
		}
		return "the collection is capped with size " + size + ((max > 0) ? ", max " + max : ", no document limit")
				+ " (" + declaration + "); it is left as it is";
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/** The options of the named collections that exist, by name, with one {@code listCollections}. */
	private Map<String, Document> options(List<String> collections) {
		Map<String, Document> options = new HashMap<>();
		this.operations.execute((database) -> {
			database.listCollections()
				.filter(new Document("name", new Document("$in", collections)))
				.forEach((found) -> {
					Document stored = found.get("options", Document.class);
					options.put(found.getString("name"), (stored != null) ? stored : new Document());
				});
			return null;
		});
		return options;
	}

	private static CollectionState state(ModelMetadata model, Status status, String detail) {
		return new CollectionState(model.name(), collection(model), status, detail);
	}

	private static String collection(ModelMetadata model) {
		return Objects.requireNonNull(model.collection());
	}

	private static String describe(ModelMetadata model) {
		CappedCollection capped = Objects.requireNonNull(model.capped());
		return "'" + collection(model) + "' of " + model.name() + " (maxSize " + capped.maxSize()
				+ ((capped.maxDocuments() > 0) ? ", maxDocuments " + capped.maxDocuments() : "") + ")";
	}

}
