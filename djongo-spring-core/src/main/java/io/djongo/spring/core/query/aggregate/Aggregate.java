package io.djongo.spring.core.query.aggregate;

import java.util.Locale;
import java.util.Objects;

import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate over a field: Django's {@code Count}, {@code Sum}, {@code Avg}, {@code Min}, {@code Max}.
 * Immutable; {@link #as(String)}, {@link #distinct()} and {@link #filter(Q)} return new instances.
 */
public abstract sealed class Aggregate implements Expression permits Count, Sum, Avg, Min, Max {

	private final String field;

	private final @Nullable String alias;

	private final boolean distinct;

	private final @Nullable Q filter;

	Aggregate(String field, @Nullable String alias, boolean distinct, @Nullable Q filter) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException(getClass().getSimpleName() + " needs a field name");
		}
		this.field = field;
		this.alias = alias;
		this.distinct = distinct;
		this.filter = filter;
	}

	abstract Aggregate copy(@Nullable String alias, boolean distinct, @Nullable Q filter);

	/** The aggregated field, as a lookup path. */
	public String field() {
		return this.field;
	}

	/** Django's function name, lower case: {@code count}, {@code sum}, ... */
	public String function() {
		return getClass().getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** The key of the result: the alias, else Django's default {@code <field>__<function>}. */
	public String key() {
		return (this.alias != null) ? this.alias : this.field + "__" + function();
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
		return copy(alias, this.distinct, this.filter);
	}

	/** The same aggregate over distinct values only. */
	public Aggregate distinct() {
		return copy(this.alias, true, this.filter);
	}

	/** The same aggregate over the documents (or related objects) matching the condition only. */
	public Aggregate filter(Q condition) {
		return copy(this.alias, this.distinct, condition);
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && this.field.equals(((Aggregate) other).field)
				&& Objects.equals(this.alias, ((Aggregate) other).alias) && this.distinct == ((Aggregate) other).distinct
				&& Objects.equals(this.filter, ((Aggregate) other).filter);
	}

	@Override
	public int hashCode() {
		return Objects.hash(getClass(), this.field, this.alias, this.distinct, this.filter);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "(" + (this.distinct ? "distinct " : "") + this.field
				+ ((this.filter != null) ? ", filter=" + this.filter : "") + ")" + ((this.alias != null) ? " as " + this.alias : "");
	}

}
