package io.djongo.spring.core.model;

import java.util.Locale;

import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Reads the concerns and read preference of {@link Model}: a name the driver knows, or a clear error naming the model
 * and what is allowed.
 */
final class Concerns {

	private Concerns() {
	}

	static @Nullable ReadConcern readConcern(String model, String name) {
		if (name.isBlank()) {
			return null;
		}
		try {
			return new ReadConcern(ReadConcernLevel.fromString(name.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(model, "readConcern", name, "local, available, majority, linearizable or snapshot");
		}
	}

	static @Nullable WriteConcern writeConcern(String model, String name) {
		if (name.isBlank()) {
			return null;
		}
		WriteConcern concern = WriteConcern.valueOf(name.trim().toUpperCase(Locale.ROOT));
		if (concern == null) {
			throw invalid(model, "writeConcern", name,
					"majority, w1, w2, w3, acknowledged, journaled or unacknowledged");
		}
		return concern;
	}

	static @Nullable ReadPreference readPreference(String model, String name) {
		if (name.isBlank()) {
			return null;
		}
		try {
			return ReadPreference.valueOf(name.trim());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(model, "readPreference", name,
					"primary, primaryPreferred, secondary, secondaryPreferred or nearest");
		}
	}

	private static InvalidDataAccessApiUsageException invalid(String model, String attribute, String name,
			String allowed) {
		return new InvalidDataAccessApiUsageException(model + ": @Model(" + attribute + " = \"" + name
				+ "\") is not one the driver knows; use " + allowed);
	}

}
