package io.djongo.spring.core.query;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An aggregate over a field: Django's {@code Count}, {@code Sum}, {@code Avg}, {@code Min} and {@code Max}, made
 * with their factories in {@code io.djongo.spring.core.query.aggregate} ({@code Count.of("tags")}). Immutable;
 * {@link #as(String)}, {@link #distinct()} and {@link #filter(Q)} return new instances.
 */
public final class Aggregate implements Expression {

	/** What an aggregate computes. */
	public enum Function {

		/** How many non-null values; 0 on empty input. */
		COUNT("Count"),

		/** The total of the non-null values; null on empty input. */
		SUM("Sum"),

		/** The mean of the non-null values; null on empty input. */
		AVG("Avg"),

		/** The smallest non-null value; null on empty input. */
		MIN("Min"),

		/** The largest non-null value; null on empty input. */
		MAX("Max");

		private final String displayName;

		private final String key;

		Function(String displayName) {
			this.displayName = displayName;
			this.key = displayName.toLowerCase(Locale.ROOT);
		}

		/** Django's class name: {@code Count}, {@code Sum}, ... */
		public String displayName() {
			return this.displayName;
		}

		/** Django's suffix of a default result key: {@code count}, {@code sum}, ... */
		public String key() {
			return this.key;
		}

	}

	private final Function function;

	private final String field;

	private final @Nullable String alias;

	private final boolean distinct;

	private final @Nullable Q filter;

	private Aggregate(Function function, String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		this.function = function;
		this.field = field;
		this.alias = alias;
		this.distinct = distinct;
		this.filter = filter;
	}

	/** The aggregate of a function over a field, by lookup path. */
	public static Aggregate of(Function function, String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException(function.displayName() + " needs a field name");
		}
		return new Aggregate(function, field, null, false, null);
	}

	/** What this aggregate computes. */
	public Function function() {
		return this.function;
	}

	/** The aggregated field, as a lookup path. */
	public String field() {
		return this.field;
	}

	/** The key of the result: the alias, else Django's default {@code <field>__<function>}. */
	public String key() {
		return (this.alias != null) ? this.alias : this.field + "__" + this.function.key();
	}

	/** Whether only distinct values are aggregated. */
	public boolean isDistinct() {
		return this.distinct;
	}

	/** The condition a value's document must meet to be aggregated, or null. */
	public @Nullable Q condition() {
		return this.filter;
	}

	/** The same aggregate under another result key. */
	public Aggregate as(String alias) {
		return new Aggregate(this.function, this.field, alias, this.distinct, this.filter);
	}

	/** The same aggregate over distinct values only. */
	public Aggregate distinct() {
		return new Aggregate(this.function, this.field, this.alias, true, this.filter);
	}

	/** The same aggregate over the documents (or related objects) matching the condition only. */
	public Aggregate filter(Q condition) {
		return new Aggregate(this.function, this.field, this.alias, this.distinct, condition);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Aggregate that && this.function == that.function && this.field.equals(that.field)
				&& Objects.equals(this.alias, that.alias) && this.distinct == that.distinct
				&& Objects.equals(this.filter, that.filter);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.function, this.field, this.alias, this.distinct, this.filter);
	}

	@Override
	public String toString() {
		return this.function.displayName() + "(" + (this.distinct ? "distinct " : "") + this.field
				+ ((this.filter != null) ? ", filter=" + this.filter : "") + ")"
				+ ((this.alias != null) ? " as " + this.alias : "");
	}

}
