package io.djongo.spring.autoconfigure.health;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the djongo database: a {@code ping} against it, reporting its name and the server version.
 * <p>
 * Spring Boot's own MongoDB indicator lists every database and sends {@code hello}, which needs privileges on the
 * whole cluster and which the embedded server does not know; {@code ping} and {@code buildInfo} work everywhere.
 */
public class DjongoHealthIndicator extends AbstractHealthIndicator {

	private final DjongoTemplate template;

	public DjongoHealthIndicator(DjongoTemplate template) {
		super("MongoDB health check failed");
		this.template = template;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.template.command(new Document("ping", 1));
		Document buildInfo = this.template.command(new Document("buildInfo", 1));
		builder.up().withDetail("database", this.template.getDb().getName()).withDetail("version",
				String.valueOf(buildInfo.get("version")));
	}

}
