package io.djongo.spring.core.query;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Django's {@code F()}: a reference to a field of the same document, and arithmetic on it. Usable as a lookup value
 * ({@code filter("views__gt", F.of("rating"))}), in {@code update} ({@code F.of("views").plus(1)}) and in
 * {@code annotate}. Arithmetic follows SQL: null in, null out. Immutable.
 */
public final class F implements Expression {

	/** The arithmetic operators F supports. */
	public enum Operator {

		/** Addition. */
		PLUS("$add"),
		/** Subtraction. */
		MINUS("$subtract"),
		/** Multiplication. */
		TIMES("$multiply"),
		/** Division. */
		DIV("$divide");

		private final String mongoOperator;

		Operator(String mongoOperator) {
			this.mongoOperator = mongoOperator;
		}

		/** The aggregation operator computing this. */
		public String mongoOperator() {
			return this.mongoOperator;
		}

	}

	private final @Nullable String field;

	private final @Nullable Operator operator;

	private final List<Object> operands;

	private F(@Nullable String field, @Nullable Operator operator, List<Object> operands) {
		this.field = field;
		this.operator = operator;
		this.operands = operands;
	}

	/**
	 * A reference to a field of the document, by lookup path ({@code "views"}, {@code "blog__rating"}).
	 */
	public static F of(String field) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("F needs a field name");
		}
		return new F(field, null, List.of());
	}

	/** This plus a number or another F. */
	public F plus(Object operand) {
		return combine(Operator.PLUS, operand);
	}

	/** This minus a number or another F. */
	public F minus(Object operand) {
		return combine(Operator.MINUS, operand);
	}

	/** This times a number or another F. */
	public F times(Object operand) {
		return combine(Operator.TIMES, operand);
	}

	/** This divided by a number or another F. */
	public F div(Object operand) {
		return combine(Operator.DIV, operand);
	}

	private F combine(Operator op, Object operand) {
		if (!(operand instanceof Number) && !(operand instanceof F)) {
			throw new IllegalArgumentException("F arithmetic takes numbers or F expressions, not " + operand);
		}
		return new F(null, op, List.of(this, operand));
	}

	/** The referenced field, or null when this is arithmetic. */
	public @Nullable String field() {
		return this.field;
	}

	/** The operator, or null when this is a plain field reference. */
	public @Nullable Operator operator() {
		return this.operator;
	}

	/** The two operands of arithmetic: F expressions or numbers; empty for a field reference. */
	public List<Object> operands() {
		return this.operands;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof F f && Objects.equals(this.field, f.field) && this.operator == f.operator
				&& this.operands.equals(f.operands);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.field, this.operator, this.operands);
	}

	@Override
	public String toString() {
		if (this.field != null) {
			return "F(" + this.field + ")";
		}
		return "(" + this.operands.get(0) + " " + this.operator + " " + this.operands.get(1) + ")";
	}

}
