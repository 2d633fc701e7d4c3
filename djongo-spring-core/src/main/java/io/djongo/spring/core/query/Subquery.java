package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Subquery}: the one value of another QuerySet, per document of the outer query, usually correlated
 * by {@link OuterRef}: {@code Subquery.of(comments.filter("post", OuterRef.of("pk")).orderBy("-created")
 * .valuesList("email", String.class).slice(0, 1))}. The QuerySet must select one field ({@code values} or
 * {@code valuesList} of one field); a QuerySet of models selects its id. Null when it finds nothing; more than one
 * result is an error, as on PostgreSQL. Sent as a {@code $lookup} with a pipeline inside the outer query's one
 * command. Immutable.
 */
public final class Subquery implements Expression {

	private final QuerySet<?> queryset;

	private final @Nullable String alias;

	private Subquery(QuerySet<?> queryset, @Nullable String alias) {
		this.queryset = queryset;
		this.alias = alias;
	}

	/** The subquery of a QuerySet. */
	public static Subquery of(QuerySet<?> queryset) {
		return new Subquery(Objects.requireNonNull(queryset, "queryset"), null);
	}

	/** The QuerySet. */
	public QuerySet<?> queryset() {
		return this.queryset;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public Subquery as(String alias) {
		return new Subquery(this.queryset, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Subquery that && this.queryset == that.queryset && Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(System.identityHashCode(this.queryset), this.alias);
	}

	@Override
	public String toString() {
		return "Subquery(" + this.queryset.model().getSimpleName() + ")";
	}

}
