package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.mongodb.MongoCommandException;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.IndexState.Status;
import io.djongo.spring.core.schema.IndexVerificationException;
import io.djongo.spring.core.schema.InvalidIndexException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Brings the database's indexes in line with the declared ones, once, at start-up:
 * <ol>
 * <li>per collection, one {@code listIndexes};</li>
 * <li>each declared index is found among them by its keys (else its name) and compared option by option;</li>
 * <li>a missing one is created with one {@code createIndexes} command (in {@link IndexMode#CREATE}); a different one
 * is reported in one WARN line naming the model, the index and the difference, and never dropped or rebuilt.</li>
 * </ol>
 * In {@link IndexMode#VERIFY} nothing is created and any missing or different index fails with an
 * {@link IndexVerificationException}. A user without the privilege to list or create indexes gets one WARN naming
 * what is missing (create mode). On the embedded server, indexes it cannot serve (TTL, text, geo, wildcard, partial
 * filters) are not created; one INFO line names them.
 */
final class IndexReconciler {

	/** MongoDB's code for a command the user may not run. */
	private static final int UNAUTHORIZED = 13;

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final MongoOperations operations;

	private final BooleanSupplier embedded;

	IndexReconciler(MongoOperations operations, BooleanSupplier embedded) {
		this.operations = operations;
		this.embedded = embedded;
	}

	/** The {@code createIndexes} command creating indexes of one collection, as MongoDB documents it. */
	static Document createIndexesCommand(String collection, List<DeclaredIndex> indexes) {
		return new Document("createIndexes", collection).append("indexes",
				indexes.stream().map(DeclaredIndex::specification).toList());
	}

	/** Compares (and in create mode creates) every declared index; returns the state of each. */
	List<IndexState> reconcile(List<DeclaredIndex> declared, IndexMode mode) {
		return reconcile(declared, mode, true);
	}

	/** The state of every declared index, compared without creating or failing: what the Actuator endpoint shows. */
	List<IndexState> inspect(List<DeclaredIndex> declared) {
		return reconcile(declared, IndexMode.VERIFY, false);
	}

	private List<IndexState> reconcile(List<DeclaredIndex> declared, IndexMode mode, boolean act) {
		if (mode == IndexMode.OFF || declared.isEmpty()) {
			return List.of();
		}
		Map<String, List<DeclaredIndex>> byCollection = new LinkedHashMap<>();
		declared.forEach((index) -> byCollection.computeIfAbsent(index.collection(), (c) -> new ArrayList<>()).add(index));
		boolean onEmbedded = this.embedded.getAsBoolean();
		List<IndexState> states = new ArrayList<>();
		List<IndexState> unprivileged = new ArrayList<>();
		List<IndexState> unsupported = new ArrayList<>();
		for (Map.Entry<String, List<DeclaredIndex>> entry : byCollection.entrySet()) {
			List<Document> existing;
			try {
				existing = list(entry.getKey());
			}
			catch (RuntimeException ex) {
				if ((act && mode != IndexMode.CREATE) || !isUnauthorized(ex)) {
					throw ex;
				}
				for (DeclaredIndex index : entry.getValue()) {
					unprivileged.add(state(index, Status.MISSING, "not privileged to list indexes"));
				}
				continue;
			}
			for (DeclaredIndex index : entry.getValue()) {
				IndexState state = compare(index, existing, onEmbedded);
				if (state.status() == Status.MISSING && mode == IndexMode.CREATE) {
					state = create(index, unprivileged);
				}
				else if (state.status() == Status.UNSUPPORTED) {
					unsupported.add(state);
				}
				else if (state.status() == Status.DIFFERENT && mode == IndexMode.CREATE) {
					logger.warn("djongo: the index '" + index.name() + "' of " + index.model().getSimpleName()
							+ " (collection '" + index.collection() + "', " + index.origin()
							+ ") differs from its declaration: " + state.detail()
							+ "; it is left as it is (drop it, and djongo creates it as declared at the next start)");
				}
				states.add(state);
			}
		}
		states.addAll(unprivileged.stream().filter((state) -> !states.contains(state)).toList());
		if (!act) {
			return List.copyOf(states);
		}
		if (mode == IndexMode.VERIFY) {
			List<IndexState> problems = states.stream()
				.filter((state) -> state.status() == Status.MISSING || state.status() == Status.DIFFERENT)
				.toList();
			if (!problems.isEmpty()) {
				throw new IndexVerificationException(problems);
			}
		}
		if (!unprivileged.isEmpty()) {
			logger.warn("djongo: the user may not create indexes (createIndex privilege); missing: "
					+ unprivileged.stream().map(IndexReconciler::describe).collect(Collectors.joining(", "))
					+ ". Unique constraints among them are not enforced until an administrator creates them");
		}
		if (!unsupported.isEmpty()) {
			logger.info("djongo: the embedded server cannot serve these indexes; not created there (real MongoDB"
					+ " gets them): " + unsupported.stream().map((state) -> describe(state) + " (" + state.detail() + ")")
						.collect(Collectors.joining(", ")));
		}
		return List.copyOf(states);
	}

	private List<Document> list(String collection) {
		List<Document> existing = new ArrayList<>();
		// listIndexes of a collection that does not exist yet is empty (the driver answers NamespaceNotFound so)
		this.operations.execute(collection, (target) -> target.listIndexes().into(existing));
		return existing;
	}

	private static IndexState compare(DeclaredIndex index, List<Document> existing, boolean onEmbedded) {
		Document stored = IndexComparison.match(index, existing);
		if (stored == null) {
			String gap = index.embeddedGap();
			return (onEmbedded && !gap.isEmpty()) ? state(index, Status.UNSUPPORTED, gap)
					: state(index, Status.MISSING, "");
		}
		String difference = IndexComparison.difference(index, stored);
		return difference.isEmpty() ? state(index, Status.PRESENT, "") : state(index, Status.DIFFERENT, difference);
	}

	private IndexState create(DeclaredIndex index, List<IndexState> unprivileged) {
		try {
			this.operations.executeCommand(createIndexesCommand(index.collection(), List.of(index)));
			logger.info("djongo: created " + describe(state(index, Status.CREATED, "")));
			return state(index, Status.CREATED, "");
		}
		catch (RuntimeException ex) {
			if (isUnauthorized(ex)) {
				IndexState missing = state(index, Status.MISSING, "not privileged to create indexes");
				unprivileged.add(missing);
				return missing;
			}
			throw new InvalidIndexException(index.model(), index.origin(), "the index '" + index.name() + "' "
					+ index.keys().toJson() + " cannot be created in collection '" + index.collection() + "'"
					+ (Boolean.TRUE.equals(index.options().get("unique"))
							? " (do stored documents share a value?)" : "") + ": " + ex.getMessage());
		}
	}

	static boolean isUnauthorized(Throwable ex) {
		// Spring translates MongoDB's code 13 to PermissionDeniedDataAccessException; the driver's own stays as is
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PermissionDeniedDataAccessException
					|| (cause instanceof MongoCommandException command && command.getErrorCode() == UNAUTHORIZED)) {
				return true;
			}
		}
		return false;
	}

	private static IndexState state(DeclaredIndex index, Status status, String detail) {
		return new IndexState(index.model().getSimpleName(), index.collection(), index.name(), index.keys(), status,
				detail);
	}

	private static String describe(IndexState state) {
		return state.model() + " '" + state.name() + "' " + new Document(state.keys()).toJson() + " on '"
				+ state.collection() + "'";
	}

}
