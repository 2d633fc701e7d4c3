package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Exists}: whether another QuerySet, usually correlated by {@link OuterRef}, has any result; a
 * boolean usable in {@code filter(Exists.of(...))}, {@code exclude}, {@link When} and {@code annotate}.
 * {@link #not()} is Django's {@code ~Exists(...)}. Sent as a {@code $lookup} with a pipeline limited to one document
 * inside the outer query's one command. Immutable.
 */
public final class Exists implements Expression {

	private final QuerySet<?> queryset;

	private final boolean negated;

	private final @Nullable String alias;

	private Exists(QuerySet<?> queryset, boolean negated, @Nullable String alias) {
		this.queryset = queryset;
		this.negated = negated;
		this.alias = alias;
	}

	/** Whether the QuerySet has any result. */
	public static Exists of(QuerySet<?> queryset) {
		return new Exists(Objects.requireNonNull(queryset, "queryset"), false, null);
	}

	/** Whether the QuerySet has no result: Django's {@code ~Exists(...)}. */
	public Exists not() {
		return new Exists(this.queryset, !this.negated, this.alias);
	}

	/** The QuerySet. */
	public QuerySet<?> queryset() {
		return this.queryset;
	}

	/** Whether this is negated. */
	public boolean isNegated() {
		return this.negated;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public Exists as(String alias) {
		return new Exists(this.queryset, this.negated, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Exists that && this.queryset == that.queryset && this.negated == that.negated
				&& Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(System.identityHashCode(this.queryset), this.negated, this.alias);
	}

	@Override
	public String toString() {
		return (this.negated ? "~" : "") + "Exists(" + this.queryset.model().getSimpleName() + ")";
	}

}
