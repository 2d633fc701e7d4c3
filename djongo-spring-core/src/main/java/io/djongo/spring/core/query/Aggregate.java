package io.djongo.spring.core.query;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An aggregate over a field or an expression: Django's {@code Count}, {@code Sum}, {@code Avg}, {@code Min},
 * {@code Max}, {@code StdDev} and {@code Variance}, made with their factories in
 * {@code io.djongo.spring.core.query.aggregate} ({@code Count.of("tags")}, {@code Sum.of(F.of("price").times(2))}).
 * Immutable; {@link #as(String)}, {@link #distinct()}, {@link #filter(Q)} and {@link #sample()} return new
 * instances.
 */
public final class Aggregate implements Expression {

	/** What an aggregate computes. */
	public enum Function {

		/** How many non-null values; 0 on empty input. */
		COUNT("Count"),

		/** The total of the non-null values; null on empty input. */
		SUM("Sum"),

		/** The mean of the non-null values (a float for integers); null on empty input. */
		AVG("Avg"),

		/** The smallest non-null value; null on empty input. */
		MIN("Min"),

		/** The largest non-null value; null on empty input. */
		MAX("Max"),

		/** The standard deviation of the non-null values (population, or sample); null on empty input. */
		STD_DEV("StdDev"),

		/** The variance of the non-null values (population, or sample); null on empty input. */
		VARIANCE("Variance");

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

	private final Expression source;

	private final @Nullable String alias;

	private final boolean distinct;

	private final @Nullable Q filter;

	private final boolean sample;

	private Aggregate(Function function, Expression source, @Nullable String alias, boolean distinct,
			@Nullable Q filter, boolean sample) {
		this.function = function;
		this.source = source;
		this.alias = alias;
		this.distinct = distinct;
		this.filter = filter;
		this.sample = sample;
	}

	/** The aggregate of a function over a field, by lookup path. */
	public static Aggregate of(Function function, String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException(function.displayName() + " needs a field name");
		}
		return new Aggregate(function, F.of(field), null, false, null, false);
	}

	/** The aggregate of a function over an expression computed per document. */
	public static Aggregate of(Function function, Expression source) {
		if (source instanceof Aggregate) {
			throw new IllegalArgumentException("Cannot compute " + function.displayName() + "(" + source + "): '"
					+ source + "' is an aggregate");
		}
		return new Aggregate(function, Objects.requireNonNull(source, "source"), null, false, null, false);
	}

	/** What this aggregate computes. */
	public Function function() {
		return this.function;
	}

	/** What is aggregated: an {@link F} for a field, or an expression. */
	public Expression source() {
		return this.source;
	}

	/** The aggregated field as a lookup path, or null when an expression is aggregated. */
	public @Nullable String field() {
		return (this.source instanceof F f) ? f.field() : null;
	}

	/**
	 * The key of the result: the alias, else Django's default {@code <field>__<function>}.
	 * @throws InvalidLookupException for an expression without an alias, as Django's "Complex aggregates require
	 * an alias"
	 */
	public String key() {
		if (this.alias != null) {
			return this.alias;
		}
		String field = field();
		if (field == null) {
			throw new InvalidLookupException("Complex aggregates require an alias: give " + this + " a name with as(...)");
		}
		return field + "__" + this.function.key();
	}

	/** Whether only distinct values are aggregated. */
	public boolean isDistinct() {
		return this.distinct;
	}

	/** The condition a value's document must meet to be aggregated, or null. */
	public @Nullable Q condition() {
		return this.filter;
	}

	/** Whether a {@code StdDev} or {@code Variance} is of a sample (n - 1) rather than of the population. */
	public boolean isSample() {
		return this.sample;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	/** The same aggregate under another result key. */
	@Override
	public Aggregate as(String alias) {
		return new Aggregate(this.function, this.source, alias, this.distinct, this.filter, this.sample);
	}

	/** The same aggregate over distinct values only. */
	public Aggregate distinct() {
		return new Aggregate(this.function, this.source, this.alias, true, this.filter, this.sample);
	}

	/**
	 * The same aggregate over the documents (or related objects) matching the condition only: Django's
	 * {@code filter=Q(...)}.
	 */
	public Aggregate filter(Q condition) {
		return new Aggregate(this.function, this.source, this.alias, this.distinct, condition, this.sample);
	}

	/**
	 * The sample standard deviation or variance (divided by n - 1): Django's {@code sample=True}.
	 * @throws IllegalStateException on other functions
	 */
	public Aggregate sample() {
		if (this.function != Function.STD_DEV && this.function != Function.VARIANCE) {
			throw new IllegalStateException(this.function.displayName() + " has no sample form");
		}
		return new Aggregate(this.function, this.source, this.alias, this.distinct, this.filter, true);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Aggregate that && this.function == that.function && this.source.equals(that.source)
				&& Objects.equals(this.alias, that.alias) && this.distinct == that.distinct
				&& Objects.equals(this.filter, that.filter) && this.sample == that.sample;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.function, this.source, this.alias, this.distinct, this.filter, this.sample);
	}

	@Override
	public String toString() {
		String field = field();
		return this.function.displayName() + "(" + (this.distinct ? "distinct " : "")
				+ ((field != null) ? field : this.source) + ((this.filter != null) ? ", filter=" + this.filter : "")
				+ (this.sample ? ", sample" : "") + ")" + ((this.alias != null) ? " as " + this.alias : "");
	}

}
