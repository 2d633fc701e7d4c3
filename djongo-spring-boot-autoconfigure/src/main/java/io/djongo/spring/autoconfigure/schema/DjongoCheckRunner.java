package io.djongo.spring.autoconfigure.schema;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.djongo.spring.autoconfigure.DjongoProperties;
import io.djongo.spring.core.schema.CheckReport;
import io.djongo.spring.core.schema.DjongoSchema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code --djongo.check} (or {@code --djongo.check=strict}): reads each model's collection (all documents, or
 * {@code djongo.check.sample-size} of them), logs per model and field the documents missing the field, the fields the
 * model does not declare and the type mismatches, with counts and a few ids, then ends the application: with 0, or
 * with 2 on drift when strict.
 */
final class DjongoCheckRunner implements ApplicationRunner {

	/** The exit code of a strict check that found drift. */
	static final int DRIFT = 2;

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final DjongoSchema schema;

	private final DjongoProperties properties;

	private final DjongoExit exit;

	DjongoCheckRunner(DjongoSchema schema, DjongoProperties properties, DjongoExit exit) {
		this.schema = schema;
		this.properties = properties;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> values = args.getOptionValues("djongo.check");
		boolean strict = values != null && values.stream().anyMatch((v) -> "strict".equals(v.toLowerCase(Locale.ROOT)));
		CheckReport report;
		try {
			report = this.schema.check(this.properties.getCheck().getSampleSize());
		}
		catch (RuntimeException ex) {
			logger.error("djongo check failed: " + ex.getMessage(), ex);
			this.exit.exit(1);
			return;
		}
		String text = format(report);
		if (report.hasDrift()) {
			logger.warn(text);
		}
		else {
			logger.info(text);
		}
		this.exit.exit((strict && report.hasDrift()) ? DRIFT : 0);
	}

	/** The report as text: one line per model, one indented line per finding. */
	static String format(CheckReport report) {
		StringBuilder text = new StringBuilder("djongo check (")
			.append((report.sampleSize() > 0) ? "a sample of " + report.sampleSize() + " documents per collection"
					: "every document")
			.append("): ")
			.append(report.hasDrift() ? "the documents drift from the models" : "no drift");
		for (CheckReport.ModelCheck model : report.models()) {
			text.append("\n  ").append(model.model()).append(" (collection '").append(model.collection()).append("', ")
				.append(model.examined()).append(" documents): ")
				.append((model.fields().isEmpty() && model.collectionOptions().isEmpty()) ? "as declared"
						: model.hasDrift() ? "drift" : "fields left out only");
			if (!model.collectionOptions().isEmpty()) {
				text.append("\n    (collection): ").append(model.collectionOptions());
			}
			for (CheckReport.FieldDrift field : model.fields()) {
				text.append("\n    ").append(field.field()).append(": ").append(field.count()).append(' ')
					.append(describe(field))
					.append(field.ids().isEmpty() ? "" : ", e.g. _id "
							+ field.ids().stream().map(String::valueOf).collect(Collectors.joining(", ")));
			}
		}
		return text.toString();
	}

	private static String describe(CheckReport.FieldDrift field) {
		return switch (field.kind()) {
			case MISSING -> field.drift() ? "missing (required)" : "missing (may be null: Spring Data leaves it out)";
			case UNKNOWN -> "with a field the model does not declare";
			case TYPE_MISMATCH -> "with another type: " + field.detail();
		};
	}

}
