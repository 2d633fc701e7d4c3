package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code OuterRef}: inside the QuerySet of a {@link Subquery} or {@link Exists}, a field of the document of
 * the outer query ({@code filter("author", OuterRef.of("pk"))}). A QuerySet holding one can only be used as a
 * subquery. Immutable.
 */
public final class OuterRef implements Expression {

	private final String field;

	private final @Nullable String alias;

	private OuterRef(String field, @Nullable String alias) {
		this.field = field;
		this.alias = alias;
	}

	/** A field of the outer query's model, by lookup path. */
	public static OuterRef of(String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("OuterRef needs a field name");
		}
		return new OuterRef(field, null);
	}

	/** The field of the outer query. */
	public String field() {
		return this.field;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public OuterRef as(String alias) {
		return new OuterRef(this.field, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof OuterRef that && this.field.equals(that.field) && Objects.equals(this.alias, that.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.field, this.alias);
	}

	@Override
	public String toString() {
		return "OuterRef(" + this.field + ")";
	}

}
