package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.functions.Abs;
import io.djongo.spring.core.query.functions.Ceil;
import io.djongo.spring.core.query.functions.Floor;
import io.djongo.spring.core.query.functions.Mod;
import io.djongo.spring.core.query.functions.Power;
import io.djongo.spring.core.query.functions.Round;
import io.djongo.spring.core.query.functions.Sign;
import io.djongo.spring.core.query.functions.Sqrt;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The math functions against Django's own tests ({@code tests/db_functions/math}) on PostgreSQL: the type of the
 * result (a decimal for decimals, a float for floats, an integer for integers, a float for {@code Mod}, {@code Power}
 * and {@code Sqrt} of integers) and its value, null giving null.
 */
class QuerySetMathFunctionIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("math"));
		template.insertAll(List.of(new Numbers(1).decimals("-12.9", "0.6").floats(-27.55, 0.55).integers(-20, 15, -1L),
				new Numbers(2).decimals("-9.9", "4.6").floats(-25.0, 0.33).integers(20, 15, 1L),
				new Numbers(3).decimals("2.675", "-2.5").floats(2.5, 12.0).integers(-1, 20, 3L), new Numbers(4)));
	}

	static Map<String, Object> row(long id, String name, Expression expression) {
		return template.objects(Numbers.class).filter("pk", id).annotate(name, expression).values(name).get();
	}

	static Object value(long id, Expression expression) {
		return row(id, "v", expression).get("v");
	}

	@Test
	void absCeilFloorAndSignKeepTheInputsType() {
		assertThat((BigDecimal) value(1, Abs.of("n1"))).isEqualByComparingTo("12.9");
		assertThat(value(1, Abs.of("f1"))).isEqualTo(27.55);
		assertThat(value(1, Abs.of("small"))).isEqualTo(20);
		assertThat(value(1, Abs.of("big"))).isEqualTo(1L);
		assertThat((BigDecimal) value(1, Ceil.of("n1"))).isEqualByComparingTo("-12");
		assertThat(value(1, Ceil.of("f2"))).isEqualTo(1.0);
		assertThat((BigDecimal) value(1, Floor.of("n2"))).isEqualByComparingTo("0");
		assertThat(value(1, Floor.of("f1"))).isEqualTo(-28.0);
		assertThat(value(1, Floor.of("small"))).isEqualTo(-20);
		assertThat((BigDecimal) value(1, Sign.of("n1"))).isEqualByComparingTo("-1");
		assertThat((BigDecimal) value(1, Sign.of("n2"))).isEqualByComparingTo("1");
		assertThat(value(1, Sign.of("f1"))).isEqualTo(-1.0);
		assertThat(value(1, Sign.of("small"))).isEqualTo(-1);
		assertThat(value(2, Sign.of("big"))).isEqualTo(1L);
		for (Expression function : List.of(Abs.of("n1"), Ceil.of("f1"), Floor.of("small"), Sign.of("normal"),
				Sqrt.of("big"), Round.of("n1"))) {
			assertThat(value(4, function)).as("%s of null", function).isNull();
		}
	}

	@Test
	void roundIsHalfAwayFromZeroOfTheDecimalValue() {
		assertThat((BigDecimal) value(1, Round.of("n1"))).isEqualByComparingTo("-13");
		assertThat((BigDecimal) value(1, Round.of("n2"))).isEqualByComparingTo("1");
		assertThat((BigDecimal) value(3, Round.of("n1", 2))).isEqualByComparingTo("2.68");
		assertThat((BigDecimal) value(3, Round.of("n2"))).as("half away from zero, not to even")
			.isEqualByComparingTo("-3");
		assertThat(value(1, Round.of("f1"))).isEqualTo(-28.0);
		assertThat(value(1, Round.of("f2"))).isEqualTo(1.0);
		assertThat(value(3, Round.of("f1"))).as("2.5 rounds away from zero").isEqualTo(3.0);
		assertThat(value(1, Round.of("small"))).isEqualTo(-20);
		assertThat(value(2, Round.of("normal", -1))).isEqualTo(20);
		assertThat(value(1, Round.of("small", -1))).isEqualTo(-20);
		assertThat(value(3, Round.of("normal", -1))).isEqualTo(20);
		assertThat(template.objects(Numbers.class).filter("pk__in", List.of(1, 2)).annotate("r", Round.of("n1"))
			.filter("r__gt", -11).valuesList("pk", Long.class).list()).containsExactly(2L);
	}

	@Test
	void roundOfAFloatToDecimalPlacesUsesItsDecimalFormOnMongoDb() {
		TestMongo.assumeRealMongoDb("$toDecimal");
		// 2.675 is 2.67499999999999982236431605997495353221893310546875 as a double; PostgreSQL casts it to the
		// numeric 2.675 (15 digits) and rounds that
		Numbers value = new Numbers(9).floats(2.675, -0.125);
		template.insertAll(List.of(value));
		assertThat(value(9, Round.of("f1", 2))).isEqualTo(2.68);
		assertThat(value(9, Round.of("f2", 2))).isEqualTo(-0.13);
	}

	@Test
	void modPowerAndSqrtAreFloatsForIntegersAndDecimalsForDecimals() {
		Object decimal = value(2, Mod.of("n1", "n2"));
		assertThat(decimal).isInstanceOf(BigDecimal.class);
		if (TestMongo.isEmbedded()) {
			// the embedded server computes $mod of decimals in doubles
			assertThat(((BigDecimal) decimal).doubleValue()).isCloseTo(-0.7, within(1e-9));
		}
		else {
			assertThat((BigDecimal) decimal).isEqualByComparingTo("-0.7");
		}
		assertThat((Double) value(2, Mod.of("f1", "f2"))).isCloseTo(-0.25, within(1e-9));
		assertThat(value(2, Mod.of("small", "normal"))).isEqualTo(5.0);
		assertThat(value(2, Mod.of("normal", "big"))).isEqualTo(0.0);
		assertThat(value(2, Mod.of("big", "small"))).isEqualTo(1.0);
		assertThat((Double) value(1, Power.of("f2", "f2"))).isCloseTo(Math.pow(0.55, 0.55), within(1e-9));
		assertThat(value(3, Power.of("small", "normal"))).isEqualTo(1.0);
		assertThat(value(3, Power.of("normal", "big"))).isEqualTo(8000.0);
		assertThat((Double) value(3, Power.of("big", "small"))).isCloseTo(1.0 / 3, within(1e-12));
		assertThat((Double) value(2, Sqrt.of("small"))).isCloseTo(Math.sqrt(20), within(1e-12));
		assertThat(((BigDecimal) value(2, Sqrt.of("n2"))).doubleValue()).isCloseTo(Math.sqrt(4.6), within(1e-9));
		assertThat(value(4, Mod.of("small", "normal"))).isNull();
		assertThat(value(4, Power.of("small", Value.of(2)))).isNull();
	}

	@Test
	void mathNeedsNumbers() {
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(Article.class).annotate("x", Abs.of("title")))
			.withMessageContaining("needs numbers, not String");
	}

}
