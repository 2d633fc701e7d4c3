package io.djongo.spring.core.schema;

import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The schema steps of the models the mapping context knows (with Spring Boot, every {@code @Document} class its
 * entity scan finds): indexes, JSON Schema validators, {@code migrate} and {@code check}. From
 * {@code DjongoTemplate.schema()}; Spring Boot runs {@link #indexes} (and, when configured, {@link #validators}) once
 * at start-up, before the application takes traffic.
 */
public interface DjongoSchema {

	/** The model classes: each {@code @Document} class the mapping context knows. */
	List<Class<?>> models();

	/**
	 * Reconciles the collections the models declare options for (capped collections) with the database, once, before
	 * the indexes (an index would create the collection uncapped): creates the missing ones
	 * ({@link IndexMode#CREATE}), reports in one WARN line those that exist with other options (never converted), or
	 * fails on either ({@link IndexMode#VERIFY}); nothing with {@link IndexMode#OFF}.
	 * @return the state of every such collection
	 * @throws CollectionVerificationException in verify mode, when a collection is missing or different
	 */
	List<CollectionState> collections(IndexMode mode);

	/**
	 * The state of every collection the models declare options for, compared with the database without creating any
	 * or failing: what the Actuator endpoint {@code djongo} shows.
	 */
	List<CollectionState> collectionState();

	/**
	 * Reconciles the declared indexes with the database, once: creates the missing ones ({@link IndexMode#CREATE}),
	 * reports the different ones, or fails on either ({@link IndexMode#VERIFY}).
	 * @return the state of every declared index
	 * @throws InvalidIndexException for a declaration that cannot hold, before anything is sent
	 * @throws IndexVerificationException in verify mode, when an index is missing or different
	 */
	List<IndexState> indexes(IndexMode mode);

	/**
	 * The state of every declared index, compared with the database without creating any or failing: what the
	 * Actuator endpoint {@code djongo} shows.
	 */
	List<IndexState> indexState();

	/** The {@code $jsonSchema} djongo generates for a model. */
	Document jsonSchema(Class<?> model);

	/**
	 * Applies each model's {@code $jsonSchema} as its collection's validator ({@code create} or {@code collMod});
	 * a change is logged as a diff before it is sent. Nothing with {@link SchemaValidation#OFF}.
	 */
	List<ValidatorState> validators(SchemaValidation validation, SchemaValidation.Level level);

	/**
	 * Creates what the models need: their collections, indexes, validators (unless {@code validation} is off), and
	 * on a sharded cluster shards the collections of {@code @Sharded} models.
	 */
	MigrationReport migrate(SchemaValidation validation, SchemaValidation.Level level);

	/**
	 * Reads each model's collection and reports, per field, documents missing it, fields the model does not declare
	 * and type mismatches, with counts and a few ids.
	 * @param sampleSize documents read per collection ({@code $sample}); 0 reads all
	 */
	CheckReport check(int sampleSize);

	/** The last report of {@link #check(int)}, or null when none ran. */
	@Nullable CheckReport lastCheck();

}
