package io.djongo.spring.autoconfigure.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import io.djongo.spring.autoconfigure.DjongoProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded server and publishes its {@link MongoConnectionDetails} when {@code djongo.embedded.enabled}
 * says so: {@code auto} (the default) when no {@code djongo.client.host} is set, {@code true} always. Never when the
 * application brings its own connection (connection details such as a Testcontainers service connection, a
 * MongoClient or a MongoDatabaseFactory): the server would serve nobody.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MongoServer.class)
@EmbeddedMongoConfiguration.ConditionalOnEmbeddedEnabled
@ConditionalOnMissingBean({ MongoConnectionDetails.class, MongoClient.class, MongoDatabaseFactory.class })
public class EmbeddedMongoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EmbeddedMongoServer djongoEmbeddedMongoServer(DjongoProperties properties) {
		properties.requireName();
		Integer port = properties.getEmbedded().getPort();
		return new EmbeddedMongoServer((port != null) ? port : 0);
	}

	@Bean
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server, DjongoProperties properties) {
		ConnectionString connectionString = new ConnectionString(
				"mongodb://" + server.address() + "/" + properties.requireName());
		return () -> connectionString;
	}

	static boolean embeddedEnabled(ConditionContext context) {
		Binder binder = Binder.get(context.getEnvironment());
		DjongoProperties.EmbeddedMode mode = binder.bind("djongo.embedded.enabled", DjongoProperties.EmbeddedMode.class)
			.orElse(DjongoProperties.EmbeddedMode.AUTO);
		boolean serverOnClasspath = ClassUtils.isPresent("de.bwaldvogel.mongo.MongoServer", context.getClassLoader());
		return switch (mode) {
			case TRUE -> serverOnClasspath;
			case FALSE -> false;
			case AUTO -> serverOnClasspath
					&& !StringUtils.hasText(binder.bind("djongo.client.host", String.class).orElse(null));
		};
	}

	/** Matches when the embedded server is to be started. */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Conditional(OnEmbeddedEnabledCondition.class)
	public @interface ConditionalOnEmbeddedEnabled {

	}

	/** Matches when the embedded server is not to be started. */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Conditional(OnEmbeddedDisabledCondition.class)
	public @interface ConditionalOnEmbeddedDisabled {

	}

	static final class OnEmbeddedEnabledCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return embeddedEnabled(context) ? ConditionOutcome.match("djongo embedded server enabled")
					: ConditionOutcome.noMatch("djongo embedded server disabled or a client host is set");
		}

	}

	static final class OnEmbeddedDisabledCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return embeddedEnabled(context) ? ConditionOutcome.noMatch("djongo embedded server enabled")
					: ConditionOutcome.match("djongo embedded server disabled or a client host is set");
		}

	}

}
