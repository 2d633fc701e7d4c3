package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Value()}: a constant inside an expression ({@code Concat.of("name", Value.of(" ("))},
 * {@code When.of("rating__gte", 4, Value.of("high"))}). The value is always a literal: a string never names a field
 * nor an operator. {@code Value.of(null)} is SQL's NULL. Immutable.
 */
public final class Value implements Expression {

	private final @Nullable Object value;

	private final @Nullable String alias;

	private Value(@Nullable Object value, @Nullable String alias) {
		this.value = value;
		this.alias = alias;
	}

	/** The constant; a number, string, boolean, date, decimal, {@code Duration} or null. */
	public static Value of(@Nullable Object value) {
		if (value instanceof Expression) {
			throw new IllegalArgumentException("Value takes a constant, not an expression: " + value);
		}
		return new Value(value, null);
	}

	/** The constant. */
	public @Nullable Object value() {
		return this.value;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public Value as(String alias) {
		return new Value(this.value, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Value that && Objects.equals(this.value, that.value)
				&& Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.value, this.alias);
	}

	@Override
	public String toString() {
		return "Value(" + ((this.value instanceof String) ? "'" + this.value + "'" : this.value) + ")";
	}

}
