package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code Q}: a condition made of lookups, combined with {@link #and(Q)}, {@link #or(Q)} and {@link #not()}.
 * Immutable; every combination returns a new Q.
 * <p>
 * The lookups of one Q (or of one {@code filter(...)} call) that cross the same list must hold for the same element,
 * as Django requires of one related object.
 */
public final class Q {

	/** How the children of a Q combine. */
	public enum Connector {

		/** Every child holds. */
		AND,

		/** At least one child holds. */
		OR

	}

	private final @Nullable String lookup;

	private final @Nullable Object value;

	private final @Nullable Expression expression;

	private final Connector connector;

	private final boolean negated;

	private final List<Q> children;

	private Q(@Nullable String lookup, @Nullable Object value, Connector connector, boolean negated, List<Q> children) {
		this(lookup, value, null, connector, negated, children);
	}

	private Q(@Nullable String lookup, @Nullable Object value, @Nullable Expression expression, Connector connector,
			boolean negated, List<Q> children) {
		this.lookup = lookup;
		this.value = value;
		this.expression = expression;
		this.connector = connector;
		this.negated = negated;
		this.children = children;
	}

	/** One lookup: {@code Q.of("title__icontains", "django")}. */
	public static Q of(String lookup, @Nullable Object value) {
		if (lookup == null) {
			throw new IllegalArgumentException("A lookup must not be null");
		}
		return new Q(lookup, value, Connector.AND, false, List.of());
	}

	/**
	 * Several lookups that all hold, given as pairs: {@code Q.of("title__icontains", "django", "rating__gte", 3)}.
	 */
	public static Q of(String lookup, @Nullable Object value, @Nullable Object... more) {
		if (more.length % 2 != 0) {
			throw new IllegalArgumentException("Lookups and values must come in pairs, but " + (more.length + 2)
					+ " arguments were given");
		}
		List<Q> children = new ArrayList<>();
		children.add(of(lookup, value));
		for (int i = 0; i < more.length; i += 2) {
			if (!(more[i] instanceof String name)) {
				throw new IllegalArgumentException("Argument " + (i + 3) + " must be a lookup name, but is " + more[i]);
			}
			children.add(of(name, more[i + 1]));
		}
		return new Q(null, null, Connector.AND, false, List.copyOf(children));
	}

	/** Lookups that all hold, as Django's keyword arguments: {@code Q.of(Map.of("rating", 3))}. */
	public static Q of(Map<String, ?> lookups) {
		List<Q> children = new ArrayList<>();
		new LinkedHashMap<>(lookups).forEach((name, value) -> children.add(of(name, value)));
		return new Q(null, null, Connector.AND, false, List.copyOf(children));
	}

	/**
	 * A boolean expression as a condition: {@code Q.of(Exists.of(...))}, Django's conditional expressions in
	 * {@code filter()}. Other expressions hold when they are {@code true}.
	 */
	public static Q of(Expression condition) {
		if (condition == null) {
			throw new IllegalArgumentException("A condition must not be null");
		}
		return new Q(null, null, condition, Connector.AND, false, List.of());
	}

	/** All of the given conditions. */
	public static Q and(Q... conditions) {
		return new Q(null, null, Connector.AND, false, List.copyOf(Arrays.asList(conditions)));
	}

	/** Any of the given conditions. */
	public static Q or(Q... conditions) {
		return new Q(null, null, Connector.OR, false, List.copyOf(Arrays.asList(conditions)));
	}

	/** This and the other condition: Django's {@code &}. */
	public Q and(Q other) {
		return and(this, other);
	}

	/** This or the other condition: Django's {@code |}. */
	public Q or(Q other) {
		return or(this, other);
	}

	/**
	 * The negation: Django's {@code ~}. Like Django, it keeps documents whose field is null or missing.
	 */
	public Q not() {
		return new Q(this.lookup, this.value, this.expression, this.connector, !this.negated, this.children);
	}

	/** Whether this is a single lookup or a boolean expression. */
	public boolean isLeaf() {
		return this.lookup != null || this.expression != null;
	}

	/** The boolean expression of a leaf made by {@link #of(Expression)}, else null. */
	public @Nullable Expression expression() {
		return this.expression;
	}

	/** The lookup of a leaf, else null. */
	public @Nullable String lookup() {
		return this.lookup;
	}

	/** The value of a leaf. */
	public @Nullable Object value() {
		return this.value;
	}

	/** How the children combine. */
	public Connector connector() {
		return this.connector;
	}

	/** Whether this condition is negated. */
	public boolean isNegated() {
		return this.negated;
	}

	/** The children of a combination; empty for a leaf. */
	public List<Q> children() {
		return Collections.unmodifiableList(this.children);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Q q && Objects.equals(this.lookup, q.lookup) && Objects.equals(this.value, q.value)
				&& Objects.equals(this.expression, q.expression) && this.connector == q.connector && this.negated == q.negated && this.children.equals(q.children);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.lookup, this.value, this.expression, this.connector, this.negated, this.children);
	}

	@Override
	public String toString() {
		String body = (this.expression != null) ? String.valueOf(this.expression)
				: isLeaf() ? this.lookup + "=" + this.value
				: String.join(" " + this.connector + " ", this.children.stream().map(Q::toString).toList());
		return (this.negated ? "~" : "") + "Q(" + body + ")";
	}

}
