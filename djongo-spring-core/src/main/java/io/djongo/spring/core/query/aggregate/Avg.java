package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Avg}: the mean of the non-null values; null on empty input.
 */
public final class Avg extends Aggregate {

	private Avg(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		super(field, alias, distinct, filter);
	}

	/** The aggregate over a field, by lookup path. */
	public static Avg of(String field) {
		return new Avg(field, null, false, null);
	}

	@Override
	Avg copy(@Nullable String alias, boolean distinct, @Nullable Q filter) {
		return new Avg(field(), alias, distinct, filter);
	}

}
