package io.djongo.spring.core.model.internal;

import org.jspecify.annotations.Nullable;

/**
 * A model converted as the converter converts it, not yet encoded: what the {@link Document} the converter writes
 * would hold, by the model's {@link WritePlan}. The insert's codec ({@link ModelCodecs#insertCodec()}) encodes it
 * as the registry's {@code Document} codec would encode that document.
 *
 * @param plan the model's plan
 * @param values the id's value, then each property's in the plan's order; {@link ModelEncoder#OMITTED} for what the
 * converter leaves out
 */
record ConvertedModel(WritePlan plan, @Nullable Object[] values) {

	/** The stored id: never null, a model is converted for an insert only with one. */
	Object id() {
		Object id = this.values[0];
		if (id == null || id == ModelEncoder.OMITTED) {
			throw new IllegalStateException("Converted without an id");
		}
		return id;
	}

}
