package io.djongo.spring.autoconfigure.schema;

import io.djongo.spring.autoconfigure.DjongoProperties;
import io.djongo.spring.core.schema.DjongoSchema;
import io.djongo.spring.core.schema.SchemaValidation;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The schema step of start-up, once every singleton exists and before the application takes traffic (web servers
 * start later, with the context's lifecycle): the declared indexes as {@code djongo.indexes} says, then the
 * validators when {@code djongo.schema.validation} is not off. Capped collections come first, in the same mode as the
 * indexes (an index would create the collection uncapped). With {@code --djongo.migrate} it steps aside: the
 * migration does both, and a {@code verify} mode would otherwise fail before the migration creates what it checks.
 */
final class DjongoSchemaSetup implements SmartInitializingSingleton {

	private final DjongoSchema schema;

	private final DjongoProperties properties;

	DjongoSchemaSetup(DjongoSchema schema, DjongoProperties properties) {
		this.schema = schema;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.properties.getMigrate() != null) {
			return;
		}
		this.schema.collections(this.properties.getIndexes());
		this.schema.indexes(this.properties.getIndexes());
		DjongoProperties.Schema settings = this.properties.getSchema();
		if (settings.getValidation() != SchemaValidation.OFF) {
			this.schema.validators(settings.getValidation(), settings.getLevel());
		}
	}

}
