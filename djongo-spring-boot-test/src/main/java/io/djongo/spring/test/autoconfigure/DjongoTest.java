package io.djongo.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of a djongo application's models, repositories and QuerySets, as Spring Boot's {@code @DataMongoTest} is for
 * Spring Data MongoDB: only djongo's auto-configuration (with Spring Boot's MongoDB client and Spring Data's mapping
 * underneath) and the application's repositories are in the context; other components are not scanned, so
 * {@code @Import} the beans a test needs.
 * <p>
 * <b>Connection.</b> By default ({@link Connection#EMBEDDED}) the test runs on djongo's embedded server, started for
 * the context, whatever {@code djongo.client.*} or {@code spring.mongodb.*} the application's configuration names: a
 * test never writes into the database of {@code application.yml} by accident. A connection given to the test wins: a
 * Testcontainers {@code MongoDBContainer} field annotated {@code @ServiceConnection} (or any
 * {@code MongoConnectionDetails} bean); with {@link Connection#CONFIGURED} the configured connection is used
 * ({@code properties = "djongo.client.host=${DJONGO_TEST_MONGODB_URI:}"}).
 * <p>
 * <b>Isolation.</b> By default ({@link Isolation#EMPTY_DATABASE}) each test method starts on an empty database: before
 * it, every document of every collection of {@code djongo.name} is deleted (data of the previous test, of an
 * {@code ApplicationRunner}, of another test class sharing the cached context). Collections and their indexes stay,
 * and so do djongo's auto-increment counters (ids keep growing across tests, as Django's sequences do). Create test
 * data in {@code @BeforeEach} or the test itself, not in {@code @BeforeAll}.
 *
 * @see AutoConfigureDjongo
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(DjongoTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(DjongoTypeExcludeFilter.class)
@AutoConfigureDjongo
@ImportAutoConfiguration
public @interface DjongoTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring {@link Environment} before the test
	 * runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Where the test connects: the embedded server, unless a connection is given to the test.
	 * @return the connection
	 */
	Connection connection() default Connection.EMBEDDED;

	/**
	 * What each test method sees of the data of the tests before it.
	 * @return the isolation
	 */
	Isolation isolation() default Isolation.EMPTY_DATABASE;

	/**
	 * Determines if default filtering should be used with {@link SpringBootApplication @SpringBootApplication}. By
	 * default no beans are included.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * A set of include filters which can be used to add otherwise filtered beans to the application context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * A set of exclude filters which can be used to filter beans that would otherwise be added to the application
	 * context.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

	/**
	 * Where a {@link DjongoTest} connects.
	 */
	enum Connection {

		/**
		 * The embedded server ({@code djongo.embedded.enabled=true}), whatever connection the application's
		 * configuration names; a {@code MongoConnectionDetails} bean (a Testcontainers service connection) still wins.
		 */
		EMBEDDED,

		/**
		 * Where the application's configuration says, as the application itself would connect
		 * ({@code djongo.client.*}, {@code spring.mongodb.*}, else the embedded server).
		 */
		CONFIGURED

	}

	/**
	 * What a test method of a {@link DjongoTest} sees of the tests before it.
	 */
	enum Isolation {

		/**
		 * Before each test method every document of the djongo database is deleted (collections, indexes and
		 * auto-increment counters stay).
		 */
		EMPTY_DATABASE,

		/** Nothing is deleted: each test sees what the tests before it left. */
		NONE

	}

}
