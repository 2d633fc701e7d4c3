package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Sum}: the total of the non-null values; null on empty input.
 */
public final class Sum extends Aggregate {

	private Sum(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		super(field, alias, distinct, filter);
	}

	/** The aggregate over a field, by lookup path. */
	public static Sum of(String field) {
		return new Sum(field, null, false, null);
	}

	@Override
	Sum copy(@Nullable String alias, boolean distinct, @Nullable Q filter) {
		return new Sum(field(), alias, distinct, filter);
	}

}
