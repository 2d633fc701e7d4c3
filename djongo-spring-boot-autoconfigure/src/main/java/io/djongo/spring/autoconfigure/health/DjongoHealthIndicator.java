package io.djongo.spring.autoconfigure.health;

import java.util.Objects;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Health of the djongo database: a {@code ping} against it, reporting its name and the server version.
 * <p>
 * Spring Boot's own MongoDB indicator lists every database and sends {@code hello}, which needs privileges on the
 * whole cluster and which the embedded server does not know; {@code ping} and {@code buildInfo} work everywhere.
 */
public class DjongoHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations operations;

	/**
	 * An indicator of the database the given operations work on.
	 * @param operations the application's template (normally the {@code DjongoTemplate})
	 */
	public DjongoHealthIndicator(MongoOperations operations) {
		super("MongoDB health check failed");
		this.operations = operations;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document buildInfo = Objects.requireNonNull(this.operations.execute((database) -> {
			database.runCommand(new Document("ping", 1));
			return database.runCommand(new Document("buildInfo", 1)).append("database", database.getName());
		}), "buildInfo returned no reply");
		builder.up()
			.withDetail("database", String.valueOf(buildInfo.get("database")))
			.withDetail("version", String.valueOf(buildInfo.get("version")));
	}

}
