package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One branch of a {@link Case}: Django's {@code When}. Its condition is a lookup and value, a {@link Q}, or a
 * boolean expression such as {@link Exists}; its result is a field name, an expression or a constant (a string
 * names a field, as in Django: use {@code Value.of("text")} for text). Immutable.
 */
public final class When {

	private final Q condition;

	private final Expression result;

	private When(Q condition, Expression result) {
		this.condition = condition;
		this.result = result;
	}

	/** {@code When.of("rating__gte", 4, Value.of("high"))}. */
	public static When of(String lookup, @Nullable Object value, @Nullable Object then) {
		return new When(Q.of(lookup, value), Func.argument(then));
	}

	/** {@code When.of(Q.of("rating__gte", 4).or(Q.of("views__gt", 100)), Value.of("popular"))}. */
	public static When of(Q condition, @Nullable Object then) {
		return new When(Objects.requireNonNull(condition, "condition"), Func.argument(then));
	}

	/** {@code When.of(Exists.of(...), Value.of(true))}. */
	public static When of(Expression condition, @Nullable Object then) {
		return new When(Q.of(condition), Func.argument(then));
	}

	/** The condition. */
	public Q condition() {
		return this.condition;
	}

	/** The result when the condition holds. */
	public Expression result() {
		return this.result;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof When that && this.condition.equals(that.condition) && this.result.equals(that.result);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.condition, this.result);
	}

	@Override
	public String toString() {
		return "When(" + this.condition + ", then=" + this.result + ")";
	}

}
