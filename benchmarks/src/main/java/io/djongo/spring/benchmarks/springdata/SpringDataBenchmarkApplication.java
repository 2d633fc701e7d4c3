package io.djongo.spring.benchmarks.springdata;

import java.util.concurrent.atomic.AtomicLong;

import io.djongo.spring.benchmarks.Post;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * The Spring Data contender: a Spring Boot application with Spring Boot's MongoDB and Spring Data MongoDB
 * auto-configuration only (djongo's is excluded), connected to the benchmark's server with {@code spring.mongodb.uri}.
 * Spring Data has no generator for {@code Long} ids; a callback takes them from an in-memory counter, the cheapest
 * generator there is (and one a single process only can use).
 */
@SpringBootApplication(excludeName = { "io.djongo.spring.autoconfigure.DjongoAutoConfiguration",
		"io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration",
		"io.djongo.spring.autoconfigure.DjongoRepositoriesAutoConfiguration",
		"io.djongo.spring.autoconfigure.health.DjongoHealthContributorAutoConfiguration",
		"io.djongo.spring.autoconfigure.gridfs.DjongoGridFsAutoConfiguration",
		"io.djongo.spring.autoconfigure.actuate.DjongoActuatorAutoConfiguration" })
public class SpringDataBenchmarkApplication {

	private final AtomicLong ids = new AtomicLong(1_000_000_000L);

	@Bean
	BeforeConvertCallback<Post> longIds() {
		return (post, collection) -> {
			if (post.getId() == null) {
				post.setId(this.ids.incrementAndGet());
			}
			return post;
		};
	}

	/**
	 * Starts the application against a server.
	 * @param uri the server's connection string, with the database
	 */
	public static ConfigurableApplicationContext start(String uri) {
		return new SpringApplicationBuilder(SpringDataBenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("spring.mongodb.uri=" + uri, "spring.main.banner-mode=off", "logging.level.root=WARN")
			.run();
	}

}
