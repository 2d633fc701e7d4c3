package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Max}: the largest non-null value; null on empty input.
 */
public final class Max extends Aggregate {

	private Max(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		super(field, alias, distinct, filter);
	}

	/** The aggregate over a field, by lookup path. */
	public static Max of(String field) {
		return new Max(field, null, false, null);
	}

	@Override
	Max copy(@Nullable String alias, boolean distinct, @Nullable Q filter) {
		return new Max(field(), alias, distinct, filter);
	}

}
