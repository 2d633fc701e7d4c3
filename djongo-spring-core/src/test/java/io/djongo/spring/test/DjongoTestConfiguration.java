package io.djongo.spring.test;

import com.mongodb.client.MongoClient;
import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.gridfs.StoredFileConverters;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.schema.EnforceSchemaCallback;
import io.djongo.spring.core.schema.ModelValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * djongo without Spring Boot, on the shared test client and a database of its own: what a core integration test
 * imports next to {@code @EnableDjongoRepositories}.
 */
@Configuration(proxyBeanMethods = false)
public class DjongoTestConfiguration {

	/**
	 * A template without Spring context (no application callbacks, djongo's rules only) on a fresh database of the
	 * shared test client.
	 * @param database a database name, e.g. from {@link TestMongo#uniqueDatabaseName(String)}
	 */
	public static DjongoTemplate template(String database) {
		return template(TestClients.client(), database);
	}

	/**
	 * A template as {@link #template(String)}, built with other options (the shared client's cluster description is
	 * added).
	 */
	public static DjongoTemplate template(String database, DjongoOptions options) {
		return template(TestClients.client(), database, options);
	}

	/**
	 * A template as {@link #template(String)}, with the given models known from the start, as Spring Boot's entity
	 * scan makes them known: reverse relations are found only between known models.
	 */
	public static DjongoTemplate template(String database, Class<?>... models) {
		DjongoTemplate template = template(TestClients.client(), database);
		for (Class<?> model : models) {
			template.getConverter().getMappingContext().getRequiredPersistentEntity(model);
		}
		return template;
	}

	/**
	 * A template without Spring context on the given client; unit tests pass a client that never connects.
	 */
	public static DjongoTemplate template(MongoClient client, String database) {
		return template(client, database, DjongoOptions.defaults());
	}

	/**
	 * A template without Spring context on the given client, built with other options (the client's cluster
	 * description is added).
	 */
	public static DjongoTemplate template(MongoClient client, String database, DjongoOptions options) {
		DjongoTestConfiguration configuration = new DjongoTestConfiguration();
		MongoDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
		MongoCustomConversions conversions = configuration.mongoCustomConversions();
		MongoMappingContext context = configuration.mongoMappingContext(conversions);
		MappingMongoConverter converter = configuration.mappingMongoConverter(factory, context, conversions);
		converter.afterPropertiesSet();
		return new DjongoTemplate(factory, converter, options.withClusterDescription(client::getClusterDescription));
	}

	@Bean
	MongoDatabaseFactory mongoDatabaseFactory() {
		return new SimpleMongoClientDatabaseFactory(TestClients.client(), TestMongo.uniqueDatabaseName("core"));
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return DjongoConversions.create(StoredFileConverters.converters());
	}

	@Bean
	MongoMappingContext mongoMappingContext(MongoCustomConversions conversions) {
		MongoMappingContext context = new DjongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		return context;
	}

	@Bean
	MappingMongoConverter mappingMongoConverter(MongoDatabaseFactory factory, MongoMappingContext context,
			MongoCustomConversions conversions) {
		MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
		converter.setCustomConversions(conversions);
		return converter;
	}

	@Bean
	DjongoTemplate mongoTemplate(MongoDatabaseFactory factory, MappingMongoConverter converter,
			ModelValidator modelValidator) {
		return new DjongoTemplate(factory, converter, DjongoOptions.defaults()
			.withValidator(modelValidator)
			.withClusterDescription(TestClients.client()::getClusterDescription));
	}

	@Bean
	ModelValidator modelValidator() {
		return ModelValidator.withDefaultBeanValidation();
	}

	@Bean
	EnforceSchemaCallback enforceSchemaCallback(MongoMappingContext context, Environment environment) {
		return new EnforceSchemaCallback(context,
				environment.getProperty("djongo.enforce-schema", Boolean.class, false));
	}

}
