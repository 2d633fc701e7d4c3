package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An ordering by an expression for {@code orderBy}, Django's {@code asc()}/{@code desc()}: made by
 * {@link Expression#asc()} and {@link Expression#desc()}, with nulls placed by {@link #nullsFirst()} or
 * {@link #nullsLast()} ({@code F.of("rating").desc().nullsLast()}). Without either, nulls sort as MongoDB sorts
 * them: first ascending, last descending. Immutable.
 */
public final class OrderBy {

	private final Expression expression;

	private final boolean descending;

	private final @Nullable Boolean nullsFirst;

	OrderBy(Expression expression, boolean descending, @Nullable Boolean nullsFirst) {
		this.expression = Objects.requireNonNull(expression, "expression");
		this.descending = descending;
		this.nullsFirst = nullsFirst;
	}

	/** The same ordering with nulls before every value: Django's {@code nulls_first=True}. */
	public OrderBy nullsFirst() {
		return new OrderBy(this.expression, this.descending, true);
	}

	/** The same ordering with nulls after every value: Django's {@code nulls_last=True}. */
	public OrderBy nullsLast() {
		return new OrderBy(this.expression, this.descending, false);
	}

	/** The expression ordered by. */
	public Expression expression() {
		return this.expression;
	}

	/** Whether the order is descending. */
	public boolean isDescending() {
		return this.descending;
	}

	/** {@code TRUE} for nulls first, {@code FALSE} for nulls last, null for MongoDB's order. */
	public @Nullable Boolean nullsFirstOrNull() {
		return this.nullsFirst;
	}

	/** The reverse ordering, nulls placement swapped as well, as Django reverses it. */
	public OrderBy reversed() {
		return new OrderBy(this.expression, !this.descending, (this.nullsFirst != null) ? !this.nullsFirst : null);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof OrderBy that && this.expression.equals(that.expression)
				&& this.descending == that.descending && Objects.equals(this.nullsFirst, that.nullsFirst);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.expression, this.descending, this.nullsFirst);
	}

	@Override
	public String toString() {
		return "OrderBy(" + this.expression + (this.descending ? ", descending" : "")
				+ ((this.nullsFirst == null) ? "" : this.nullsFirst ? ", nulls first" : ", nulls last") + ")";
	}

}
