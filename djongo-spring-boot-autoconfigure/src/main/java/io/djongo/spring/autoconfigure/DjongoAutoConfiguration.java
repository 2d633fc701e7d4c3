package io.djongo.spring.autoconfigure;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.gridfs.StoredFileConverters;
import io.djongo.spring.core.logging.CommandLogger;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.schema.EnforceSchemaCallback;
import io.djongo.spring.core.schema.ModelValidator;
import jakarta.validation.Validator;
import org.apache.commons.logging.LogFactory;
import org.bson.UuidRepresentation;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mapping.model.FieldNamingStrategy;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoManagedTypes;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Auto-configuration of djongo: connection details from {@code djongo.client.*}, {@code spring.mongodb.*} or the
 * embedded server ({@link DjongoConnectionConfiguration}), client settings, and the {@link DjongoTemplate}. Spring
 * Boot's own MongoDB auto-configuration builds the client, database factory and mapping context from them.
 */
@AutoConfiguration(before = { MongoAutoConfiguration.class, DataMongoAutoConfiguration.class })
@ConditionalOnClass({ DjongoTemplate.class, MongoClientSettings.class })
@EnableConfigurationProperties({ DjongoProperties.class, DataMongoProperties.class })
@Import(DjongoConnectionConfiguration.class)
public final class DjongoAutoConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer djongoClientSettingsCustomizer() {
		return new DjongoClientSettingsCustomizer();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer djongoCommandLoggerCustomizer(DjongoProperties properties) {
		boolean logValues = properties.getLogging().isLogValues();
		return (builder) -> builder.addCommandListener(new CommandLogger(logValues));
	}

	@Bean
	@ConditionalOnMissingBean
	MongoCustomConversions mongoCustomConversions() {
		// Decimal128 for BigDecimal, UTC dates, OffsetDateTime, standard UUIDs (see DjongoConversions), and the
		// StoredFile values of file and image fields
		return DjongoConversions.create(StoredFileConverters.converters());
	}

	/**
	 * Spring Boot's mapping context, configured as Boot configures it, as a {@link DjongoMappingContext}: the
	 * relation annotations ({@code @ForeignKey}, {@code @OneToOne}, {@code @ManyToMany}) and {@code djongo.storage}
	 * need it. Spring Data's own index creation stays off: djongo creates the indexes once at start-up
	 * ({@code djongo.indexes}).
	 */
	@Bean
	@ConditionalOnMissingBean
	MongoMappingContext mongoMappingContext(DataMongoProperties properties, DjongoProperties djongo,
			MongoCustomConversions conversions, MongoManagedTypes managedTypes) {
		DjongoMappingContext context = new DjongoMappingContext();
		context.setDefaultStorage(djongo.getStorage());
		if (Boolean.TRUE.equals(properties.isAutoIndexCreation())) {
			LogFactory.getLog("djongo.schema").warn("djongo: spring.data.mongodb.auto-index-creation is ignored; djongo"
					+ " creates the models' indexes once at start-up as djongo.indexes says (create, verify or off)");
		}
		context.setAutoIndexCreation(false);
		context.setManagedTypes(managedTypes);
		Class<?> strategy = properties.getFieldNamingStrategy();
		if (strategy != null) {
			context.setFieldNamingStrategy((FieldNamingStrategy) BeanUtils.instantiateClass(strategy));
		}
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		return context;
	}

	/**
	 * The template, with djongo's options from {@code djongo.*}, the validator bean, and the client's view of the
	 * deployment (atomic blocks and on_delete chains run in a transaction where it has them). It applies djongo's
	 * rules to every write: related objects saved, validation, auto-increment ids, file fields.
	 */
	@Bean
	@ConditionalOnMissingBean(MongoOperations.class)
	DjongoTemplate mongoTemplate(DjongoProperties properties, MongoDatabaseFactory databaseFactory,
			MongoConverter converter, ModelValidator modelValidator, ObjectProvider<MongoClient> client) {
		properties.requireName();
		DjongoOptions options = DjongoOptions.defaults()
			.withTimeZone(properties.getTimeZone())
			.withLogValues(properties.getLogging().isLogValues())
			.withValidator(modelValidator)
			.withTransactions(properties.getTransactions());
		MongoClient mongoClient = client.getIfUnique();
		if (mongoClient != null) {
			options = options.withClusterDescription(mongoClient::getClusterDescription);
		}
		return new DjongoTemplate(databaseFactory, converter, options);
	}

	// --- models: the validator of every write, enforce-schema on reads (io.djongo.spring.core.schema) ---

	@Bean
	@ConditionalOnMissingBean
	ModelValidator djongoModelValidator(ObjectProvider<Validator> beanValidator) {
		// Boot's validator when spring-boot-validation configured one, the provider's default otherwise
		Validator validator = beanValidator.getIfUnique();
		return (validator != null) ? new ModelValidator(validator) : ModelValidator.withDefaultBeanValidation();
	}

	@Bean
	@ConditionalOnMissingBean
	EnforceSchemaCallback djongoEnforceSchemaCallback(MongoMappingContext mappingContext, DjongoProperties properties) {
		return new EnforceSchemaCallback(mappingContext, properties.isEnforceSchema());
	}

	// --- relations: start-up checks and one-to-one indexes (io.djongo.spring.core.relation) ---

	@Bean
	@ConditionalOnMissingBean(name = "djongoRelationSetup")
	@ConditionalOnSingleCandidate(DjongoTemplate.class)
	SmartInitializingSingleton djongoRelationSetup(DjongoTemplate template) {
		// once all singletons exist: on_delete rules checked, one-to-one indexes created for the scanned models
		return template::prepareRelations;
	}

	/**
	 * Settings every djongo client gets, applied after Spring Boot's standard ones.
	 */
	static final class DjongoClientSettingsCustomizer implements MongoClientSettingsBuilderCustomizer, Ordered {

		@Override
		public void customize(MongoClientSettings.Builder builder) {
			// Django's UUIDField is stored as standard binary (subtype 4), not the Java driver's legacy layout.
			builder.uuidRepresentation(UuidRepresentation.STANDARD);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
