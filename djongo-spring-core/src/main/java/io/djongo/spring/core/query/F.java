package io.djongo.spring.core.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code F()}: a reference to a field of the same document by lookup path ({@code "views"},
 * {@code "blog__rating"}, {@code "pk"}), or to an annotation. Usable as a lookup value
 * ({@code filter("views__gt", F.of("rating"))}), in {@code update} ({@code F.of("views").plus(1)}), in
 * {@code annotate} and inside every other expression. Immutable.
 */
public final class F implements Expression {

	private final String field;

	private final @Nullable String alias;

	private F(String field, @Nullable String alias) {
		this.field = field;
		this.alias = alias;
	}

	/** A reference to a field of the document, or to an annotation, by lookup path. */
	public static F of(String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("F needs a field name");
		}
		return new F(field, null);
	}

	/** The referenced field or annotation, as a lookup path. */
	public String field() {
		return this.field;
	}

	@Override
	public @Nullable String alias() {
		return this.alias;
	}

	@Override
	public F as(String alias) {
		return new F(this.field, alias);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof F f && this.field.equals(f.field) && Objects.equals(this.alias, f.alias);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.field, this.alias);
	}

	@Override
	public String toString() {
		return "F(" + this.field + ")";
	}

}
