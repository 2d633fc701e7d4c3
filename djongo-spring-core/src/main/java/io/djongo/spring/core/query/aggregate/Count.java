package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Count}: how many non-null values; 0 on empty input.
 */
public final class Count extends Aggregate {

	private Count(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		super(field, alias, distinct, filter);
	}

	/** The aggregate over a field, by lookup path. */
	public static Count of(String field) {
		return new Count(field, null, false, null);
	}

	@Override
	Count copy(@Nullable String alias, boolean distinct, @Nullable Q filter) {
		return new Count(field(), alias, distinct, filter);
	}

}
