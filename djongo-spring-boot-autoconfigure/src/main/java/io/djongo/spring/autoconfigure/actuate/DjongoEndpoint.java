package io.djongo.spring.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.CollectionState;
import io.djongo.spring.core.schema.DjongoSchema;
import io.djongo.spring.core.schema.IndexState;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code djongo}: the database, each model with its collection (and, for a capped model, how
 * the database holds it) and the state of its declared indexes (compared with the database when read), and the last {@code check}. Its write operation runs a check
 * (reading every document, or {@code sampleSize} of them per collection): read-only access by default, so running it
 * takes {@code management.endpoint.djongo.access: unrestricted}. Like Boot's other endpoints it is exposed over the
 * web only when listed in {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "djongo", defaultAccess = Access.READ_ONLY)
public class DjongoEndpoint {

	private final DjongoTemplate template;

	public DjongoEndpoint(DjongoTemplate template) {
		this.template = template;
	}

	@ReadOperation
	public DjongoDescriptor djongo() {
		DjongoSchema schema = this.template.schema();
		Map<String, List<IndexState>> indexes = new LinkedHashMap<>();
		for (IndexState state : schema.indexState()) {
			indexes.computeIfAbsent(state.model(), (model) -> new ArrayList<>()).add(state);
		}
		Map<String, CollectionState> collections = new LinkedHashMap<>();
		for (CollectionState state : schema.collectionState()) {
			collections.put(state.model(), state);
		}
		List<ModelDescriptor> models = new ArrayList<>();
		for (Class<?> model : schema.models()) {
			String name = model.getSimpleName();
			models.add(new ModelDescriptor(name, this.template.getCollectionName(model),
					indexes.getOrDefault(name, List.of()), collections.get(name)));
		}
		CheckReport last = schema.lastCheck();
		return new DjongoDescriptor(this.template.getDb().getName(), models, (last != null) ? shown(last) : null);
	}

	/** Runs a check and returns its report, as {@code --djongo.check} does. */
	@WriteOperation
	public CheckReport check(@Nullable Integer sampleSize) {
		return shown(this.template.schema().check((sampleSize != null) ? sampleSize : 0));
	}

	/** The report with its ids as text: an ObjectId or a binary id reads as itself, not as its bean properties. */
	private static CheckReport shown(CheckReport report) {
		List<CheckReport.ModelCheck> models = new ArrayList<>();
		for (CheckReport.ModelCheck model : report.models()) {
			List<CheckReport.FieldDrift> fields = new ArrayList<>();
			for (CheckReport.FieldDrift field : model.fields()) {
				fields.add(new CheckReport.FieldDrift(field.field(), field.kind(), field.count(),
						field.ids().stream().<Object>map(String::valueOf).toList(), field.detail(), field.drift()));
			}
			models.add(new CheckReport.ModelCheck(model.model(), model.collection(), model.examined(), fields,
					model.collectionOptions()));
		}
		return new CheckReport(models, report.sampleSize(), report.at());
	}

	/**
	 * What the endpoint reads.
	 *
	 * @param database the models' database
	 * @param models each model, its collection and indexes
	 * @param lastCheck the last check's report, or null when none ran
	 */
	public record DjongoDescriptor(String database, List<ModelDescriptor> models, @Nullable CheckReport lastCheck) {
	}

	/**
	 * One model.
	 *
	 * @param model its simple name
	 * @param collection its collection
	 * @param indexes its declared indexes and their state in the database
	 * @param collectionState the state of its capped collection, null for an ordinary one
	 */
	public record ModelDescriptor(String model, String collection, List<IndexState> indexes,
			@Nullable CollectionState collectionState) {
	}

}
