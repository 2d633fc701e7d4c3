package io.djongo.spring.autoconfigure.schema;

import io.djongo.spring.autoconfigure.DjongoProperties;
import io.djongo.spring.core.schema.DjongoSchema;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.MigrationReport;
import io.djongo.spring.core.schema.ValidatorState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code --djongo.migrate}: creates what the models need (collections, indexes, validators, and on a sharded cluster
 * the shards of {@code @Sharded} models), logs what it did, then ends the application with 0; a failure ends it with
 * 1 after logging why.
 */
final class DjongoMigrateRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog("djongo.schema");

	private final DjongoSchema schema;

	private final DjongoProperties properties;

	private final DjongoExit exit;

	DjongoMigrateRunner(DjongoSchema schema, DjongoProperties properties, DjongoExit exit) {
		this.schema = schema;
		this.properties = properties;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		MigrationReport report;
		try {
			report = this.schema.migrate(this.properties.getSchema().getValidation(),
					this.properties.getSchema().getLevel());
		}
		catch (RuntimeException ex) {
			logger.error("djongo migrate failed: " + ex.getMessage(), ex);
			this.exit.exit(1);
			return;
		}
		long created = report.indexes().stream().filter((s) -> s.status() == IndexState.Status.CREATED).count();
		long different = report.indexes().stream().filter((s) -> s.status() == IndexState.Status.DIFFERENT).count();
		long validators = report.validators().stream()
			.filter((s) -> s.status() == ValidatorState.Status.CREATED || s.status() == ValidatorState.Status.MODIFIED)
			.count();
		logger.info("djongo migrate: " + report.createdCollections().size() + " collection(s) created "
				+ report.createdCollections() + ", " + created + " index(es) created, " + different
				+ " different (left as they are), " + validators + " validator(s) applied, "
				+ report.sharded().size() + " collection(s) sharded " + report.sharded());
		this.exit.exit(0);
	}

}
