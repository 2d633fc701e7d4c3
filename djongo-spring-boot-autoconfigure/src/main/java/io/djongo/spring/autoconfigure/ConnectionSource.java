package io.djongo.spring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.mongodb.ConnectionString;
import io.djongo.spring.autoconfigure.DjongoProperties.EmbeddedMode;
import io.djongo.spring.autoconfigure.embedded.EmbeddedServerUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Where djongo's connection comes from, decided once from the configuration and the class path, the same way for the
 * conditions that pick the configuration and for the beans that explain a failure.
 * <p>
 * The decision, in order:
 * <ol>
 * <li>A key Spring Boot 4 no longer reads ({@code spring.data.mongodb.uri} and the other connection keys that moved
 * to {@code spring.mongodb.*}) is set: unresolved, the keys are named with their replacements.</li>
 * <li>{@code djongo.client.*} and Spring Boot's {@code spring.mongodb.*} connection keys are both set: unresolved,
 * both are named. Never one silently ignored for the other.</li>
 * <li>{@code djongo.embedded.enabled=true}: the embedded server, which must be on the class path.</li>
 * <li>{@code djongo.client.host} is set: {@link Kind#DJONGO_CLIENT}.</li>
 * <li>A {@code spring.mongodb.*} connection key is set ({@code uri}, {@code host}, {@code port}, {@code username},
 * {@code password}, ...), as a file or the environment ({@code SPRING_MONGODB_URI}) sets it:
 * {@link Kind#SPRING_MONGODB}.</li>
 * <li>{@code auto} and mongo-java-server on the class path: {@link Kind#EMBEDDED}.</li>
 * <li>Otherwise unresolved: start-up fails rather than fall back to localhost or to memory.</li>
 * </ol>
 * Then the database: {@code djongo.name} is the models' database, so a different {@code spring.mongodb.database}, or
 * a different database in the path of a {@code spring.mongodb.uri} that djongo uses, fails start-up too. An
 * application's own {@code MongoConnectionDetails} (a Testcontainers service connection), {@code MongoClient} or
 * {@code MongoDatabaseFactory} wins over all of this, as in Spring Boot; the configurations check that with bean
 * conditions.
 * <p>
 * Empty values count as unset ({@code host: ${DB_HOST:}} without the variable). Values are never kept: keys are named
 * with their origin only, as a value may hold a password.
 */
final class ConnectionSource {

	/** Where the connection comes from. */
	enum Kind {

		/** {@code djongo.client.*}. */
		DJONGO_CLIENT,

		/** Spring Boot's {@code spring.mongodb.*}. */
		SPRING_MONGODB,

		/** The embedded server. */
		EMBEDDED,

		/** Nowhere, or two places at once: start-up fails with {@link #failure()}. */
		UNRESOLVED

	}

	static final String MONGO_SERVER_CLASS = "de.bwaldvogel.mongo.MongoServer";

	private static final ConfigurationPropertyName DJONGO_CLIENT = ConfigurationPropertyName.of("djongo.client");

	private static final ConfigurationPropertyName DJONGO_CLIENT_HOST = ConfigurationPropertyName.of("djongo.client.host");

	private static final ConfigurationPropertyName SPRING_MONGODB_DATABASE = ConfigurationPropertyName
		.of("spring.mongodb.database");

	private static final ConfigurationPropertyName SPRING_MONGODB_URI = ConfigurationPropertyName
		.of("spring.mongodb.uri");

	/**
	 * The keys of Spring Boot 4.0's {@code MongoProperties} that say where and how to connect; {@code database} and
	 * {@code representation} are not among them.
	 */
	static final List<String> SPRING_CONNECTION_KEYS = List.of("spring.mongodb.uri", "spring.mongodb.host",
			"spring.mongodb.port", "spring.mongodb.additional-hosts", "spring.mongodb.username",
			"spring.mongodb.password", "spring.mongodb.authentication-database", "spring.mongodb.replica-set-name",
			"spring.mongodb.protocol", "spring.mongodb.ssl");

	/**
	 * Spring Boot 3's keys that Spring Boot 4 moved and no longer reads (its metadata deprecates them at level error),
	 * with their replacements.
	 */
	static final Map<String, String> REMOVED_KEYS = removedKeys();

	private final Kind kind;

	private final EmbeddedMode embeddedMode;

	private final List<String> djongoKeys;

	private final List<String> springKeys;

	private final @Nullable RuntimeException failure;

	private ConnectionSource(Kind kind, EmbeddedMode embeddedMode, List<String> djongoKeys, List<String> springKeys,
			@Nullable RuntimeException failure) {
		this.kind = kind;
		this.embeddedMode = embeddedMode;
		this.djongoKeys = djongoKeys;
		this.springKeys = springKeys;
		this.failure = failure;
	}

	/**
	 * Decides where the connection comes from.
	 * @param environment the application's environment
	 * @param classLoader the class loader to look for mongo-java-server with
	 */
	static ConnectionSource resolve(Environment environment, @Nullable ClassLoader classLoader) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		PlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(environment);
		Binder binder = new Binder(sources, placeholders);
		EmbeddedMode mode = binder.bind("djongo.embedded.enabled", EmbeddedMode.class).orElse(EmbeddedMode.AUTO);
		Map<String, String> removed = new LinkedHashMap<>();
		REMOVED_KEYS.forEach((key, replacement) -> keysSet(sources, placeholders, under(key)).values()
			.forEach((described) -> removed.put(described, replacement)));
		List<String> djongoKeys = List.copyOf(keysSet(sources, placeholders, DJONGO_CLIENT::isAncestorOf).values());
		List<String> springKeys = List.copyOf(keysSet(sources, placeholders,
				(name) -> SPRING_CONNECTION_KEYS.stream().anyMatch((key) -> under(key).test(name)))
			.values());
		if (!removed.isEmpty()) {
			return unresolved(mode, djongoKeys, springKeys, new UnsupportedMongoPropertiesException(removed));
		}
		if (!djongoKeys.isEmpty() && !springKeys.isEmpty()) {
			return unresolved(mode, djongoKeys, springKeys,
					ConflictingMongoPropertiesException.connection(djongoKeys, springKeys));
		}
		boolean serverOnClassPath = ClassUtils.isPresent(MONGO_SERVER_CLASS, classLoader);
		Kind kind;
		if (mode == EmbeddedMode.TRUE) {
			if (!serverOnClassPath) {
				return unresolved(mode, djongoKeys, springKeys, EmbeddedServerUnavailableException.server());
			}
			kind = Kind.EMBEDDED;
		}
		else if (text(binder, DJONGO_CLIENT_HOST) != null) {
			kind = Kind.DJONGO_CLIENT;
		}
		else if (!springKeys.isEmpty()) {
			kind = Kind.SPRING_MONGODB;
		}
		else if (mode == EmbeddedMode.AUTO && serverOnClassPath) {
			kind = Kind.EMBEDDED;
		}
		else {
			return unresolved(mode, djongoKeys, springKeys,
					new MongoConnectionNotConfiguredException(mode, serverOnClassPath));
		}
		RuntimeException databaseConflict = databaseConflict(sources, binder, kind == Kind.SPRING_MONGODB);
		if (databaseConflict != null) {
			return unresolved(mode, djongoKeys, springKeys, databaseConflict);
		}
		return new ConnectionSource(kind, mode, djongoKeys, springKeys, null);
	}

	private static ConnectionSource unresolved(EmbeddedMode mode, List<String> djongoKeys, List<String> springKeys,
			RuntimeException failure) {
		return new ConnectionSource(Kind.UNRESOLVED, mode, djongoKeys, springKeys, failure);
	}

	/**
	 * {@code djongo.name} against {@code spring.mongodb.database}, and, when djongo connects with Spring Boot's keys,
	 * against the database in the path of {@code spring.mongodb.uri}: Spring Boot would put the data there.
	 */
	private static @Nullable RuntimeException databaseConflict(Iterable<ConfigurationPropertySource> sources,
			Binder binder, boolean springUriInUse) {
		String name = text(binder, ConfigurationPropertyName.of("djongo.name"));
		if (name == null) {
			return null; // the template's requireName() explains that
		}
		String database = text(binder, SPRING_MONGODB_DATABASE);
		ConfigurationPropertyName key = SPRING_MONGODB_DATABASE;
		if (database == null && springUriInUse) {
			database = uriDatabase(text(binder, SPRING_MONGODB_URI));
			key = SPRING_MONGODB_URI;
		}
		if (database == null || database.equals(name)) {
			return null;
		}
		String djongoKey = describe(sources, ConfigurationPropertyName.of("djongo.name"));
		return ConflictingMongoPropertiesException.database(djongoKey, name, describe(sources, key), database);
	}

	private static @Nullable String uriDatabase(@Nullable String uri) {
		if (uri == null) {
			return null;
		}
		try {
			return new ConnectionString(uri).getDatabase();
		}
		catch (IllegalArgumentException ex) {
			return null; // Spring Boot reports the invalid URI when it builds the client
		}
	}

	/** Matches the key and the keys below it ({@code spring.mongodb.ssl.bundle} for {@code spring.mongodb.ssl}). */
	private static Predicate<ConfigurationPropertyName> under(String key) {
		ConfigurationPropertyName parent = ConfigurationPropertyName.of(key);
		return (name) -> parent.equals(name) || parent.isAncestorOf(name);
	}

	private static @Nullable String text(Binder binder, ConfigurationPropertyName name) {
		String value = binder.bind(name, Bindable.of(String.class)).orElse(null);
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	/**
	 * The keys with a non-empty value (placeholders resolved) that the filter accepts, each named once (from the
	 * source that wins) with its origin, in the order of the sources. Keys of sources that cannot list their keys are
	 * not seen.
	 */
	private static Map<ConfigurationPropertyName, String> keysSet(Iterable<ConfigurationPropertySource> sources,
			PlaceholdersResolver placeholders, Predicate<ConfigurationPropertyName> filter) {
		Map<ConfigurationPropertyName, String> keys = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(filter).forEach((name) -> {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					Object value = (property != null) ? placeholders.resolvePlaceholders(property.getValue()) : null;
					if (property != null && StringUtils.hasText(Objects.toString(value, ""))) {
						keys.putIfAbsent(name, describe(property));
					}
				});
			}
		}
		return keys;
	}

	private static String describe(Iterable<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return describe(property);
			}
		}
		return name.toString();
	}

	/** The key and where it was set; never the value. */
	private static String describe(ConfigurationProperty property) {
		Origin origin = property.getOrigin();
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() == null) {
			// a source without locations (command line, test properties): its name is all there is to say
			String key = property.getName().toString();
			String original = source.getPropertyName();
			return key + " (" + (original.equals(key) ? "" : original + " in ") + "property source '"
					+ source.getPropertySource().getName() + "')";
		}
		return property.getName() + ((origin != null) ? " (" + origin + ")" : "");
	}

	private static Map<String, String> removedKeys() {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String key : List.of("uri", "host", "port", "additional-hosts", "username", "password",
				"authentication-database", "database", "replica-set-name", "protocol", "ssl.enabled", "ssl.bundle")) {
			keys.put("spring.data.mongodb." + key, "spring.mongodb." + key);
		}
		keys.put("spring.data.mongodb.uuid-representation", "spring.mongodb.representation.uuid");
		return Collections.unmodifiableMap(keys);
	}

	Kind kind() {
		return this.kind;
	}

	/** The {@code djongo.embedded.enabled} setting. */
	EmbeddedMode embeddedMode() {
		return this.embeddedMode;
	}

	/** The {@code djongo.client.*} keys set, each with its origin. */
	List<String> djongoKeys() {
		return this.djongoKeys;
	}

	/** The {@code spring.mongodb.*} connection keys set, each with its origin. */
	List<String> springKeys() {
		return this.springKeys;
	}

	/**
	 * Why no connection could be chosen.
	 * @throws IllegalStateException when the source is resolved
	 */
	RuntimeException failure() {
		if (this.failure == null) {
			throw new IllegalStateException("The connection source is resolved: " + this.kind);
		}
		return this.failure;
	}

}
