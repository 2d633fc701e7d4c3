package io.djongo.spring.benchmarks.app;

import io.djongo.spring.benchmarks.Author;
import io.djongo.spring.benchmarks.LinkedPost;
import io.djongo.spring.benchmarks.Post;
import io.djongo.spring.benchmarks.UnconstrainedPost;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The djongo contender: a Spring Boot application wired by the djongo starter's auto-configuration (template,
 * conversions, mapping context, id, validation, enforce-schema and file-field callbacks, command logger, repositories),
 * connected to the benchmark's server with {@code djongo.client.host}.
 */
@SpringBootApplication
public class DjongoBenchmarkApplication {

	/**
	 * Starts the application against a server.
	 * @param host the server, {@code host:port}
	 * @param database the database, {@code djongo.name}
	 */
	public static ConfigurableApplicationContext start(String host, String database) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DjongoBenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties("djongo.name=" + database, "djongo.client.host=" + host, "djongo.embedded.enabled=false",
					"spring.main.banner-mode=off", "logging.level.root=WARN")
			.run();
		// the models are known from the start, as an entity scan makes them known (reverse relations need it)
		MongoMappingContext models = context.getBean(MongoMappingContext.class);
		for (Class<?> model : new Class<?>[] { Post.class, Author.class, LinkedPost.class, UnconstrainedPost.class }) {
			models.getRequiredPersistentEntity(model);
		}
		context.getBean(DjongoTemplate.class);
		return context;
	}

}
