package io.djongo.spring.core.query;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Case}: the result of the first {@link When} whose condition holds, else the
 * {@link #otherwise(Object) default}, else null. A condition on a null or missing field does not hold, as in SQL.
 * {@code Case.of(When.of("rating__gte", 4, Value.of("high")), When.of("rating__gte", 2, Value.of("mid")))
 * .otherwise(Value.of("low"))}. Immutable.
 */
public final class Case implements Expression {

	private final List<When> whens;

	private final Expression otherwise;

	private final @Nullable String alias;

	private Case(List<When> whens, Expression otherwise, @Nullable String alias) {
		this.whens = List.copyOf(whens);
		this.otherwise = otherwise;
		this.alias = alias;
	}

	/** The branches, tried in order; without a default, null when none holds. */
	public static Case of(When... whens) {
		if (whens.length == 0) {
			throw new IllegalArgumentException("Case needs at least one When");
		}
		return new Case(List.of(whens), Value.of(null), null);
	}

	/** The same branches with a default: a field name, an expression or a constant. */
	public Case otherwise(@Nullable Object otherwise) {
		return new Case(this.whens, Func.argument(otherwise), this.alias);
	}

	/** The branches. */
	public List<When> whens() {
		return this.whens;
	}

	/** The result when no branch holds; {@code Value.of(null)} unless given. */
	public Expression otherwise() {
		return this.otherwise;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public Case as(String alias) {
		return new Case(this.whens, this.otherwise, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Case that && this.whens.equals(that.whens) && this.otherwise.equals(that.otherwise)
				&& Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.whens, this.otherwise, this.alias);
	}

	@Override
	public String toString() {
		return "Case(" + String.join(", ", this.whens.stream().map(When::toString).toList()) + ", default="
				+ this.otherwise + ")";
	}

}
