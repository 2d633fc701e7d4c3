package io.djongo.spring.test;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.AutoIncrementIdCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	MongoDatabaseFactory mongoDatabaseFactory() {
		return new SimpleMongoClientDatabaseFactory(TestClients.client(), TestMongo.uniqueDatabaseName("core"));
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create((adapter) -> adapter.bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128));
	}

	@Bean
	MongoMappingContext mongoMappingContext(MongoCustomConversions conversions) {
		MongoMappingContext context = new MongoMappingContext();
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
	DjongoTemplate mongoTemplate(MongoDatabaseFactory factory, MappingMongoConverter converter) {
		return new DjongoTemplate(factory, converter);
	}

	@Bean
	AutoIncrementIdCallback autoIncrementIdCallback(MongoDatabaseFactory factory, MongoMappingContext context) {
		return new AutoIncrementIdCallback(factory, context);
	}

}
