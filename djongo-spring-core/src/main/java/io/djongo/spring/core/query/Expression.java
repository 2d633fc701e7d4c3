package io.djongo.spring.core.query;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Something a QuerySet computes per document or per group, Django's expressions: a field ({@link F}), a constant
 * ({@link Value}), a database function or arithmetic ({@link Func}, made by the factories of
 * {@code io.djongo.spring.core.query.functions} and by {@link #plus}, {@link #minus}, {@link #times}, {@link #div},
 * {@link #mod}, {@link #pow}), a conditional ({@link Case}), an aggregate ({@link Aggregate}), or a subquery
 * ({@link Subquery}, {@link Exists}, {@link OuterRef}).
 * <p>
 * Usable in {@code annotate}, {@code alias}, as a lookup value in {@code filter}/{@code exclude}, in {@code orderBy}
 * ({@link #asc()}, {@link #desc()}), in {@code update} and in {@code aggregate}. Immutable: every method returns a
 * new expression. Arithmetic follows SQL: null in, null out; its type follows Django's rules (integer with integer
 * is an integer, integer division truncates, integer with decimal is a decimal, integer with float is a float).
 */
public sealed interface Expression permits F, Value, Func, Aggregate, Case, Subquery, Exists, OuterRef {

	/** The name of this expression in results ({@code aggregate(...)} keys), or null for the default. */
	@Nullable String alias();

	/** The same expression named in results. */
	Expression as(String alias);

	/** This plus a number, a {@link Duration} or another expression: Django's {@code +}. */
	default Expression plus(Object operand) {
		return Func.combine(Func.Function.ADD, this, operand);
	}

	/** This minus a number, a {@link Duration} or another expression: Django's {@code -}. */
	default Expression minus(Object operand) {
		return Func.combine(Func.Function.SUBTRACT, this, operand);
	}

	/** This times a number or another expression: Django's {@code *}. */
	default Expression times(Object operand) {
		return Func.combine(Func.Function.MULTIPLY, this, operand);
	}

	/**
	 * This divided by a number or another expression: Django's {@code /}, which truncates when both sides are
	 * integers, as PostgreSQL does.
	 */
	default Expression div(Object operand) {
		return Func.combine(Func.Function.DIVIDE, this, operand);
	}

	/** The remainder of this divided by a number or another expression: Django's {@code %}. */
	default Expression mod(Object operand) {
		return Func.combine(Func.Function.MODULO, this, operand);
	}

	/** This to the power of a number or another expression: Django's {@code **}. */
	default Expression pow(Object operand) {
		return Func.combine(Func.Function.EXPONENT, this, operand);
	}

	/** Ascending order by this expression, for {@code orderBy}; nulls sort first unless told otherwise. */
	default OrderBy asc() {
		return new OrderBy(this, false, null);
	}

	/** Descending order by this expression, for {@code orderBy}; nulls sort last unless told otherwise. */
	default OrderBy desc() {
		return new OrderBy(this, true, null);
	}

}
