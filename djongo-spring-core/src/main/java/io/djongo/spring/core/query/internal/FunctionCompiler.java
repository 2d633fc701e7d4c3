package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Expression;
import io.djongo.spring.core.query.Func;
import io.djongo.spring.core.query.InvalidLookupException;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link Func}: the one switch over {@link Func.Function}, each function into aggregation operators with
 * PostgreSQL's answers, null in giving null out unless the function says otherwise ({@code Coalesce}, {@code Concat},
 * {@code Greatest}, {@code Least}). Text functions are in {@link TextFunctions}, date functions in
 * {@link DateFunctions}, conversions in {@link Casts}.
 */
final class FunctionCompiler {

	private final ExpressionCompiler expressions;

	private final DateFunctions dates;

	FunctionCompiler(ExpressionCompiler expressions, ZoneId zone) {
		this.expressions = expressions;
		this.dates = new DateFunctions(expressions, zone);
	}

	ExpressionCompiler.Result compile(Func func, ExpressionCompiler.Context context) {
		Func.Function function = func.function();
		boolean declares = function == Func.Function.WRAPPER || function == Func.Function.CAST;
		List<ExpressionCompiler.Result> args = new ArrayList<>();
		for (Expression argument : func.arguments()) {
			ExpressionCompiler.Result arg = this.expressions.argument(argument, context);
			args.add(declares ? arg : arg.typed());
		}
		String where = context.scope().model().name() + ": " + func;
		return switch (function) {
			case ADD -> arithmetic(function, "$add", args);
			case SUBTRACT -> arithmetic(function, "$subtract", args);
			case MULTIPLY -> arithmetic(function, "$multiply", args);
			case DIVIDE -> divide(args);
			case MODULO -> arithmetic(function, "$mod", args);
			case EXPONENT -> arithmetic(function, "$pow", args);
			case COALESCE -> coalesce(args, where);
			case NULLIF -> new ExpressionCompiler.Result(new Document("$cond",
					Arrays.asList(new Document("$eq", Arrays.asList(e(args, 0), e(args, 1))), null, e(args, 0))),
					args.get(0).type());
			case GREATEST -> extreme("$max", args, where);
			case LEAST -> extreme("$min", args, where);
			case CAST -> Casts.cast(args.get(0), Objects.requireNonNull(func.outputType()), where);
			case WRAPPER -> new ExpressionCompiler.Result(e(args, 0), Objects.requireNonNull(func.outputType()));
			case CONCAT -> TextFunctions.concat(args, where);
			case LOWER -> text(TextFunctions.caseMapped(e(args, 0), true), args, where);
			case UPPER -> text(TextFunctions.caseMapped(e(args, 0), false), args, where);
			case LENGTH -> integer(new Document("$strLenCP", e(args, 0)), args, where);
			case SUBSTR -> text(TextFunctions.substr(e(args, 0), args.get(1), (args.size() > 2) ? args.get(2) : null),
					args, where);
			case LEFT -> text(TextFunctions.left(e(args, 0), args.get(1)), args, where);
			case RIGHT -> text(TextFunctions.right(e(args, 0), args.get(1)), args, where);
			case TRIM -> text(TextFunctions.trim("$trim", e(args, 0)), args, where);
			case LTRIM -> text(TextFunctions.trim("$ltrim", e(args, 0)), args, where);
			case RTRIM -> text(TextFunctions.trim("$rtrim", e(args, 0)), args, where);
			case REPLACE -> text(TextFunctions.replace(e(args, 0), e(args, 1), e(args, 2)), args, where);
			case STRINDEX -> integer(new Document("$add",
					List.of(new Document("$indexOfCP", Arrays.asList(e(args, 0), e(args, 1))), 1)), args, where);
			case LPAD -> text(TextFunctions.pad(e(args, 0), e(args, 1), e(args, 2), true), args, where);
			case RPAD -> text(TextFunctions.pad(e(args, 0), e(args, 1), e(args, 2), false), args, where);
			case REVERSE -> text(TextFunctions.reverse(e(args, 0)), args, where);
			case ABS -> number(new Document("$abs", e(args, 0)), args.get(0).type(), args, where);
			case CEIL -> number(new Document("$ceil", e(args, 0)), args.get(0).type(), args, where);
			case FLOOR -> number(new Document("$floor", e(args, 0)), args.get(0).type(), args, where);
			case SIGN -> number(sign(e(args, 0)), args.get(0).type(), args, where);
			case SQRT -> number(new Document("$sqrt", e(args, 0)), ExpressionTypes.numeric(types(args)), args, where);
			case MOD -> number(new Document("$mod", Arrays.asList(e(args, 0), e(args, 1))),
					ExpressionTypes.numeric(types(args)), args, where);
			case POWER -> number(new Document("$pow", Arrays.asList(e(args, 0), e(args, 1))),
					ExpressionTypes.numeric(types(args)), args, where);
			case ROUND -> round(args, where);
			case EXTRACT_YEAR, EXTRACT_ISO_YEAR, EXTRACT_QUARTER, EXTRACT_MONTH, EXTRACT_WEEK, EXTRACT_WEEK_DAY,
					EXTRACT_ISO_WEEK_DAY, EXTRACT_DAY, EXTRACT_HOUR, EXTRACT_MINUTE, EXTRACT_SECOND ->
				this.dates.extract(func, args.get(0), where);
			case TRUNC_YEAR, TRUNC_QUARTER, TRUNC_MONTH, TRUNC_WEEK, TRUNC_DAY, TRUNC_HOUR, TRUNC_MINUTE, TRUNC_SECOND,
					TRUNC_DATE, TRUNC_TIME ->
				this.dates.trunc(func, args.get(0), where);
			case GEO_DISTANCE -> geoDistance(func, args.get(0), context, where);
			case TEXT_SCORE -> {
				context.uses().textScore();
				yield new ExpressionCompiler.Result(new Document("$meta", "textScore"), Double.class);
			}
		};
	}

	/**
	 * The distance from a point field, which only a {@code $geoNear} stage computes: the stage is recorded in the
	 * uses, where the caller places it first in the pipeline, and the distance is read from its output.
	 */
	private static ExpressionCompiler.Result geoDistance(Func func, ExpressionCompiler.Result field,
			ExpressionCompiler.Context context, String where) {
		if (!context.uses().isGeoAllowed()) {
			throw new InvalidLookupException(where + ": GeoDistance works in annotate() and alias() only (MongoDB"
					+ " computes it in the first stage); annotate it and use the annotation's name");
		}
		Expression argument = func.arguments().get(0);
		Object path = field.expression();
		boolean stored = argument instanceof io.djongo.spring.core.query.F && path instanceof String reference
				&& reference.startsWith("$") && !reference.startsWith("$$")
				&& !reference.startsWith("$" + TargetResolver.JOIN_PREFIX)
				&& !context.scope().annotations().containsKey(reference.substring(1));
		if (!stored || !GeoValues.isGeo(field.type())) {
			throw new InvalidLookupException(where + ": GeoDistance measures from a point field of the model itself"
					+ " (a GeoJsonPoint or a Point; not a double[] pair), not " + argument);
		}
		String key = String.valueOf(path).substring(1);
		GeoValues.requireSphereIndex(context.scope().model(), key, where);
		Object point = ((io.djongo.spring.core.query.Value) func.arguments().get(1)).value();
		Object unit = ((io.djongo.spring.core.query.Value) func.arguments().get(2)).value();
		context.uses().geoNear(new GeoNear(key, (org.springframework.data.geo.Point) Objects.requireNonNull(point),
				null, null, false, where));
		return new ExpressionCompiler.Result(GeoNear.distanceIn(((Number) Objects.requireNonNull(unit)).doubleValue()),
				Double.class);
	}

	private static @Nullable Object e(List<ExpressionCompiler.Result> args, int index) {
		return args.get(index).expression();
	}

	private static List<Class<?>> types(List<ExpressionCompiler.Result> args) {
		return args.stream().<Class<?>>map(ExpressionCompiler.Result::type).toList();
	}

	/** Null if any argument is null, as SQL's strict functions; else the expression. */
	private static Object strict(Object expression, List<ExpressionCompiler.Result> args) {
		List<Object> guards = new ArrayList<>();
		for (ExpressionCompiler.Result arg : args) {
			if (arg.expression() == null) {
				return nullResult();
			}
			if (!isConstant(arg.expression())) {
				guards.add(FilterCompiler.notNull(arg.expression()));
			}
		}
		if (guards.isEmpty()) {
			return expression;
		}
		Object condition = (guards.size() == 1) ? guards.get(0) : new Document("$and", guards);
		return new Document("$cond", Arrays.asList(condition, expression, null));
	}

	private static Object nullResult() {
		return new Document("$literal", null);
	}

	/** A constant that is never null: a number, a boolean, or a {@code $literal} of something else. */
	private static boolean isConstant(@Nullable Object expression) {
		return expression instanceof Number || expression instanceof Boolean
				|| (expression instanceof Document document && document.containsKey("$literal")
						&& document.get("$literal") != null);
	}

	private static ExpressionCompiler.Result text(Object expression, List<ExpressionCompiler.Result> args,
			String where) {
		requireText(args.get(0), where);
		return new ExpressionCompiler.Result(strict(expression, args), String.class);
	}

	private static ExpressionCompiler.Result integer(Object expression, List<ExpressionCompiler.Result> args,
			String where) {
		requireText(args.get(0), where);
		return new ExpressionCompiler.Result(strict(expression, args), Integer.class);
	}

	private static void requireText(ExpressionCompiler.Result arg, String where) {
		ExpressionTypes.Kind kind = ExpressionTypes.kind(arg.type());
		if (kind != ExpressionTypes.Kind.TEXT && kind != ExpressionTypes.Kind.NULL
				&& kind != ExpressionTypes.Kind.UNKNOWN) {
			throw new FieldError(where + ": needs text, not " + arg.type().getSimpleName()
					+ "; convert it with Cast.of(..., String.class)");
		}
	}

	private static ExpressionCompiler.Result number(Object expression, Class<?> type,
			List<ExpressionCompiler.Result> args, String where) {
		for (ExpressionCompiler.Result arg : args) {
			ExpressionTypes.Kind kind = ExpressionTypes.kind(arg.type());
			if (!kind.isNumber() && kind != ExpressionTypes.Kind.NULL && kind != ExpressionTypes.Kind.UNKNOWN) {
				throw new FieldError(where + ": needs numbers, not " + arg.type().getSimpleName());
			}
		}
		return new ExpressionCompiler.Result(strict(expression, args), type);
	}

	private static ExpressionCompiler.Result arithmetic(Func.Function operator, String mongoOperator,
			List<ExpressionCompiler.Result> args) {
		Object expression = new Document(mongoOperator, Arrays.asList(e(args, 0), e(args, 1)));
		if (operator == Func.Function.MODULO || operator == Func.Function.EXPONENT) {
			// $mod and $pow fail on null where SQL gives null
			expression = strict(expression, args);
		}
		return typed(operator, expression, args);
	}

	/** Django's {@code /}: between integers PostgreSQL truncates toward zero. */
	private static ExpressionCompiler.Result divide(List<ExpressionCompiler.Result> args) {
		Object quotient = new Document("$divide", Arrays.asList(e(args, 0), e(args, 1)));
		if (ExpressionTypes.kind(args.get(0).type()) == ExpressionTypes.Kind.INTEGER
				&& ExpressionTypes.kind(args.get(1).type()) == ExpressionTypes.Kind.INTEGER) {
			quotient = new Document("$trunc", quotient);
		}
		return typed(Func.Function.DIVIDE, quotient, args);
	}

	/** The result of arithmetic with its type, or unresolved where Django needs an output field. */
	private static ExpressionCompiler.Result typed(Func.Function operator, Object expression,
			List<ExpressionCompiler.Result> args) {
		try {
			return new ExpressionCompiler.Result(expression,
					ExpressionTypes.arithmetic(operator, args.get(0).type(), args.get(1).type()));
		}
		catch (FieldError ex) {
			return new ExpressionCompiler.Result(expression, Object.class, ex.getMessage());
		}
	}

	/** {@code $ifNull} nested two by two, as the embedded server takes two arguments only. */
	private static ExpressionCompiler.Result coalesce(List<ExpressionCompiler.Result> args, String where) {
		Class<?> type = ExpressionTypes.common(types(args), where);
		Object expression = e(args, args.size() - 1);
		for (int i = args.size() - 2; i >= 0; i--) {
			expression = new Document("$ifNull", Arrays.asList(e(args, i), expression));
		}
		return new ExpressionCompiler.Result(expression, type);
	}

	/** {@code $max}/{@code $min} over the arguments, which skip nulls as PostgreSQL's GREATEST and LEAST do. */
	private static ExpressionCompiler.Result extreme(String operator, List<ExpressionCompiler.Result> args,
			String where) {
		Class<?> type = ExpressionTypes.common(types(args), where);
		List<Object> values = new ArrayList<>();
		args.forEach((arg) -> values.add(arg.expression()));
		return new ExpressionCompiler.Result(new Document(operator, values), type);
	}

	private static Object sign(@Nullable Object x) {
		return new Document("$cond", Arrays.asList(new Document("$gt", Arrays.asList(x, 0)), 1,
				new Document("$cond", Arrays.asList(new Document("$lt", Arrays.asList(x, 0)), -1, 0))));
	}

	/**
	 * PostgreSQL's {@code ROUND}: half away from zero, of the decimal value. Decimals compute exactly in Decimal128;
	 * floats to 0 places round their binary value (exact in doubles); floats to other places are converted to their
	 * 15-digit decimal form first, as PostgreSQL casts them, with {@code $toDecimal}.
	 */
	private ExpressionCompiler.Result round(List<ExpressionCompiler.Result> args, String where) {
		ExpressionCompiler.Result input = args.get(0);
		int precision = ((Number) Objects.requireNonNull(e(args, 1))).intValue();
		ExpressionTypes.Kind kind = ExpressionTypes.kind(input.type());
		Object x = input.expression();
		if (x == null) {
			return new ExpressionCompiler.Result(null, input.type());
		}
		Object rounded;
		if (kind == ExpressionTypes.Kind.INTEGER) {
			rounded = (precision >= 0) ? x : halfAwayFromZero(x, precision, false);
		}
		else if (kind == ExpressionTypes.Kind.FLOAT && precision == 0) {
			Object magnitude = new Document("$abs", x);
			Object floor = new Document("$floor", magnitude);
			Object up = new Document("$gte", Arrays.asList(new Document("$subtract", Arrays.asList(magnitude, floor)), 0.5));
			Object away = new Document("$cond", Arrays.asList(up, new Document("$ceil", magnitude), floor));
			rounded = new Document("$multiply", Arrays.asList(signOf(x), away));
		}
		else if (kind == ExpressionTypes.Kind.FLOAT) {
			rounded = new Document("$toDouble", halfAwayFromZero(new Document("$toDecimal", x), precision, true));
		}
		else {
			rounded = halfAwayFromZero(x, precision, true);
		}
		return number(rounded, input.type(), List.of(input), where);
	}

	/** {@code sign(x) * floor(|x| * 10^p + 0.5) / 10^p}, in Decimal128 when decimal, multiplying by 10^-p exactly. */
	private static Object halfAwayFromZero(@Nullable Object x, int precision, boolean decimal) {
		Object scale = decimal ? new Decimal128(BigDecimal.ONE.scaleByPowerOfTen(precision)) : Math.pow(10, precision);
		Object unscale = decimal ? new Decimal128(BigDecimal.ONE.scaleByPowerOfTen(-precision))
				: Math.pow(10, -precision);
		Object half = decimal ? new Decimal128(new BigDecimal("0.5")) : 0.5;
		// an integer to tens or hundreds divides by them: halves stay exact in binary
		Object magnitude = (!decimal && precision < 0)
				? new Document("$divide", Arrays.asList(new Document("$abs", x), Math.pow(10, -precision)))
				: new Document("$multiply", Arrays.asList(new Document("$abs", x), scale));
		Object scaled = new Document("$add", Arrays.asList(magnitude, half));
		// $multiply of two arguments: the embedded server takes no more
		return new Document("$multiply", Arrays.asList(signOf(x),
				new Document("$multiply", Arrays.asList(new Document("$floor", scaled), unscale))));
	}

	private static Object signOf(@Nullable Object x) {
		return new Document("$cond", Arrays.asList(new Document("$lt", Arrays.asList(x, 0)), -1, 1));
	}

}
