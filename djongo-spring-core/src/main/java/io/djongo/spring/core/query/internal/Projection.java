package io.djongo.spring.core.query.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What one result is. */
sealed interface Projection permits Projection.Entities, Projection.Values {

	/**
	 * Model instances, whole or in part.
	 * @param only the stored paths loaded ({@code only}), all when empty
	 * @param defer the stored paths not loaded ({@code defer})
	 */
	record Entities(List<String> only, List<String> defer) implements Projection {

		boolean isPartial() {
			return !this.only.isEmpty() || !this.defer.isEmpty();
		}

	}

	/**
	 * Django's {@code values()} and {@code values_list()}.
	 * @param keys the requested lookups; for all fields, the model's fields, the annotations then added after them
	 * @param targets what each key reads
	 * @param allFields whether no field was named, so that every annotation is a value too
	 * @param shape how one result is shaped
	 * @param flatType for a flat values list, the type of the one value
	 * @param annotationsBefore the annotations made before {@code values()}: those made after it are values too, as
	 * Django adds them
	 */
	record Values(List<String> keys, List<Target> targets, boolean allFields, Shape shape,
			@Nullable Class<?> flatType, Set<String> annotationsBefore) implements Projection {

		/** How a row of values is returned. */
		enum Shape {

			/** A map from lookup to value. */
			MAP,

			/** A list of values in the requested order. */
			LIST,

			/** The one requested value itself. */
			FLAT

		}

	}

}
