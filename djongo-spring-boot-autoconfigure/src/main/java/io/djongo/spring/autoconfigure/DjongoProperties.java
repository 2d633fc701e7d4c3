package io.djongo.spring.autoconfigure;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.SchemaValidation;
import io.djongo.spring.core.transaction.TransactionMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code djongo.*} configuration: djongo's {@code DATABASES['default']} settings in application.yml.
 * <p>
 * Unknown keys fail start-up ({@code ignoreUnknownFields = false}): a typo must not silently fall back to a default.
 */
@ConfigurationProperties(prefix = "djongo", ignoreUnknownFields = false)
public class DjongoProperties {

	/**
	 * Name of the MongoDB database the application's models live in. Required; shorter than 64 bytes, without / \ .
	 * " $ or spaces.
	 */
	private @Nullable String name;

	/**
	 * Whether reading a document that lacks a field of its model raises a MigrationException.
	 */
	private boolean enforceSchema;

	/**
	 * Time zone of the date lookups of QuerySets (__year, __date, __hour, __week_day...), as Django's TIME_ZONE;
	 * zones other than UTC use MongoDB operators that the embedded server lacks.
	 */
	private ZoneId timeZone = ZoneOffset.UTC;

	/**
	 * How models store their documents: native (ids in _id, many-to-many ids in arrays) or django (exactly as a
	 * Django application on djongo stores them: ids in the id field from djongo's counters, through collections, no
	 * _class); @Model(storage = ...) overrides it per model.
	 */
	private Storage storage = Storage.NATIVE;

	/**
	 * Whether atomic blocks, @Transactional methods and on_delete chains run in MongoDB transactions: auto where the
	 * deployment runs them (a replica set or mongos; elsewhere without one, said once at start-up), required (start-up
	 * fails without them) or off.
	 */
	private TransactionMode transactions = TransactionMode.AUTO;

	/**
	 * Where and how to connect: djongo's CLIENT settings.
	 */
	@NestedConfigurationProperty
	private final DjongoClientProperties client = new DjongoClientProperties();

	private final Embedded embedded = new Embedded();

	private final Logging logging = new Logging();

	private final Gridfs gridfs = new Gridfs();

	private final Web web = new Web();

	/**
	 * What djongo does with the indexes the models declare, once at start-up: create the missing ones, verify that
	 * they exist (start-up fails otherwise), or nothing.
	 */
	private IndexMode indexes = IndexMode.CREATE;

	private final Schema schema = new Schema();

	/**
	 * Set by the --djongo.migrate switch: create the models' collections, indexes and validators (and shard the
	 * collections of @Sharded models on a sharded cluster), then exit. Not set: the application runs.
	 */
	private @Nullable String migrate;

	private final Check check = new Check();

	public @Nullable String getName() {
		return this.name;
	}

	/**
	 * Sets the database name, checked against MongoDB's rule for database names at binding.
	 * @param name the name; blank is the same as missing ({@link #requireName()} explains that)
	 * @throws InvalidDatabaseNameException when MongoDB would refuse the name
	 */
	public void setName(@Nullable String name) {
		if (name != null && !name.isBlank()) {
			InvalidDatabaseNameException.check(name);
		}
		this.name = name;
	}

	/**
	 * The database name, checked: start-up fails with a {@link MissingDatabaseNameException} when it is missing.
	 * @return the configured database name
	 */
	public String requireName() {
		String name = this.name;
		if (name == null || name.isBlank()) {
			throw new MissingDatabaseNameException();
		}
		return name;
	}

	public boolean isEnforceSchema() {
		return this.enforceSchema;
	}

	public void setEnforceSchema(boolean enforceSchema) {
		this.enforceSchema = enforceSchema;
	}

	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	public Storage getStorage() {
		return this.storage;
	}

	public void setStorage(Storage storage) {
		this.storage = storage;
	}

	public TransactionMode getTransactions() {
		return this.transactions;
	}

	public void setTransactions(TransactionMode transactions) {
		this.transactions = transactions;
	}

	public DjongoClientProperties getClient() {
		return this.client;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Gridfs getGridfs() {
		return this.gridfs;
	}

	public Web getWeb() {
		return this.web;
	}

	public IndexMode getIndexes() {
		return this.indexes;
	}

	public void setIndexes(IndexMode indexes) {
		this.indexes = indexes;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public @Nullable String getMigrate() {
		return this.migrate;
	}

	public void setMigrate(@Nullable String migrate) {
		this.migrate = migrate;
	}

	public Check getCheck() {
		return this.check;
	}

	/**
	 * The JSON Schema validators djongo generates from the models.
	 */
	public static class Schema {

		/**
		 * Whether MongoDB validates documents against each model's $jsonSchema, and what it does with an invalid
		 * one: off (no validator), warn (log it) or error (refuse it).
		 */
		private SchemaValidation validation = SchemaValidation.OFF;

		/**
		 * Which writes MongoDB validates: strict (every insert and update) or moderate (updates of documents that
		 * are valid already).
		 */
		private SchemaValidation.Level level = SchemaValidation.Level.STRICT;

		public SchemaValidation getValidation() {
			return this.validation;
		}

		public void setValidation(SchemaValidation validation) {
			this.validation = validation;
		}

		public SchemaValidation.Level getLevel() {
			return this.level;
		}

		public void setLevel(SchemaValidation.Level level) {
			this.level = level;
		}

	}

	/**
	 * The --djongo.check switch: compare each model's documents with the model, report, then exit.
	 */
	public static class Check {

		/**
		 * Documents read per collection ($sample); 0 reads them all.
		 */
		private int sampleSize;

		public int getSampleSize() {
			return this.sampleSize;
		}

		public void setSampleSize(int sampleSize) {
			this.sampleSize = sampleSize;
		}

	}

	/**
	 * The in-process MongoDB-wire server for development and tests.
	 */
	public static class Embedded {

		/**
		 * Whether to start the embedded server: auto starts it when it is on the class path and no connection is
		 * configured (neither djongo.client.host nor spring.mongodb.*).
		 */
		private EmbeddedMode enabled = EmbeddedMode.AUTO;

		/**
		 * Port of the embedded server; a random free port when not set.
		 */
		private @Nullable Integer port;

		/**
		 * File the embedded server keeps its data in across restarts (mongo-java-server's H2 backend); not set: data
		 * lives in memory only.
		 */
		private @Nullable Path path;

		public EmbeddedMode getEnabled() {
			return this.enabled;
		}

		public void setEnabled(EmbeddedMode enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable Path getPath() {
			return this.path;
		}

		public void setPath(@Nullable Path path) {
			this.path = path;
		}

	}

	/**
	 * Levels of djongo's loggers, like the {@code LOGGING} dictionary of a djongo project.
	 */
	public static class Logging {

		/**
		 * Loggers by name, each with a level and whether it propagates to its parent's appenders. Names with dots
		 * go in brackets: djongo.logging.loggers[djongo.commands].level.
		 */
		private Map<String, LoggerSettings> loggers = new LinkedHashMap<>();

		/**
		 * Whether the command log and the QuerySet log show values; by default they show only each command's shape.
		 */
		private boolean logValues;

		public Map<String, LoggerSettings> getLoggers() {
			return this.loggers;
		}

		public void setLoggers(Map<String, LoggerSettings> loggers) {
			this.loggers = loggers;
		}

		public boolean isLogValues() {
			return this.logValues;
		}

		public void setLogValues(boolean logValues) {
			this.logValues = logValues;
		}

	}

	/**
	 * One logger of {@code djongo.logging.loggers}.
	 */
	public static class LoggerSettings {

		/**
		 * Level of the logger; NOTSET (or no level) inherits the parent's.
		 */
		private @Nullable LoggerLevel level;

		/**
		 * Whether records also go to the appenders of the parent loggers (Logback additivity).
		 */
		private boolean propagate = true;

		public @Nullable LoggerLevel getLevel() {
			return this.level;
		}

		public void setLevel(@Nullable LoggerLevel level) {
			this.level = level;
		}

		public boolean isPropagate() {
			return this.propagate;
		}

		public void setPropagate(boolean propagate) {
			this.propagate = propagate;
		}

	}

	/**
	 * Logger levels: Python's names (WARNING, CRITICAL, NOTSET) as djongo projects write them, and Spring Boot's.
	 */
	public enum LoggerLevel {

		/** Everything, finer than DEBUG. */
		TRACE,

		/** Debugging detail, such as every command sent. */
		DEBUG,

		/** Normal operation. */
		INFO,

		/** Something unexpected (Python's name). */
		WARNING,

		/** Something unexpected (Spring Boot's name). */
		WARN,

		/** A failure. */
		ERROR,

		/** A serious failure (Python's name); logged as ERROR. */
		CRITICAL,

		/** A serious failure (Spring Boot's name); logged as ERROR. */
		FATAL,

		/** Nothing. */
		OFF,

		/** No level of its own: inherit the parent's. */
		NOTSET

	}

	/**
	 * When the embedded server starts.
	 */
	public enum EmbeddedMode {

		/**
		 * When mongo-java-server is on the class path and no connection is configured: neither
		 * {@code djongo.client.host} nor a {@code spring.mongodb.*} connection key is set.
		 */
		AUTO,

		/** Always, even when a connection is configured; mongo-java-server must be on the class path. */
		TRUE,

		/** Never: a connection must be configured. */
		FALSE

	}

	/**
	 * GridFS storage of file and image fields.
	 */
	public static class Gridfs {

		/** GridFS's own default bucket. */
		static final String DEFAULT_BUCKET = "fs";

		/**
		 * Bucket of the default GridFsStorage, used by file fields that name no storage.
		 */
		private String bucket = DEFAULT_BUCKET;

		public String getBucket() {
			return this.bucket;
		}

		public void setBucket(String bucket) {
			this.bucket = bucket;
		}

	}

	/**
	 * djongo in a Spring MVC application.
	 */
	public static class Web {

		private final ProblemDetails problemDetails = new ProblemDetails();

		public ProblemDetails getProblemDetails() {
			return this.problemDetails;
		}

	}

	/**
	 * RFC 9457 problem details for djongo's exceptions.
	 */
	public static class ProblemDetails {

		/**
		 * Whether djongo's exceptions thrown by a controller answer with RFC 9457 problem details (400 for invalid
		 * models and lookups, 404 for DoesNotExist, 409 for protected deletions and duplicate keys).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
