package io.djongo.spring.core.query.aggregate;

import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Min}: the smallest non-null value; null on empty input.
 */
public final class Min extends Aggregate {

	private Min(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		super(field, alias, distinct, filter);
	}

	/** The aggregate over a field, by lookup path. */
	public static Min of(String field) {
		return new Min(field, null, false, null);
	}

	@Override
	Min copy(@Nullable String alias, boolean distinct, @Nullable Q filter) {
		return new Min(field(), alias, distinct, filter);
	}

}
