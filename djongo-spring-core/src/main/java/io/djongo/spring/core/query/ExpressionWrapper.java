package io.djongo.spring.core.query;

/**
 * Django's {@code ExpressionWrapper}: an expression with a declared output type, where its type cannot be inferred
 * ({@code ExpressionWrapper.of(F.of("price").times(F.of("ratio")), Double.class)} for a decimal times a float) or
 * should be read otherwise. It converts nothing on the server (use {@code Cast} for that): the result is read as
 * the type, and the type is what arithmetic and lookups over it see.
 */
public final class ExpressionWrapper {

	private ExpressionWrapper() {
	}

	/** The expression, declared to produce values of the type. */
	public static Func of(Expression expression, Class<?> outputType) {
		return Func.typed(Func.Function.WRAPPER, outputType, expression);
	}

}
