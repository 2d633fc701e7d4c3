package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.core.query.internal.FilterCompilerUnitTests.eq;
import static io.djongo.spring.core.query.internal.FilterCompilerUnitTests.filterOf;
import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A value is converted to its field's type exactly or refused: never truncated ({@code 1.5} is no {@code Integer}),
 * saturated ({@code 1e30} is no {@code Long}) or rounded into a Decimal128; the message names the model, the lookup,
 * the type expected and the value's type.
 */
class StrictValuesUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Article> articles() {
		return this.engine.objects(Article.class);
	}

	@Test
	void aFractionIsNoInteger() {
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("views", 1.5))
			.withMessage("Article.views expected a Integer but got '1.5' (Double), which a Integer cannot hold"
					+ " exactly: a fractional part");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("rating__gte", new BigDecimal("2.25")))
			.withMessageContaining("Article.rating__gte")
			.withMessageContaining("(BigDecimal)");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("rating__in", List.of(1, 2.5f)))
			.withMessageContaining("Article.rating__in")
			.withMessageContaining("(Float)");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("id", 7.5))
			.withMessageContaining("expected a Long");
	}

	@Test
	void aWholeNumberOfAnyTypeIsConverted() {
		assertThat(filterOf(articles().filter("views", 2.0))).isEqualTo(bson(eq("views", 2)));
		assertThat(filterOf(articles().filter("views", new BigDecimal("3.000")))).isEqualTo(bson(eq("views", 3)));
		assertThat(filterOf(articles().filter("views", 4L))).isEqualTo(bson(eq("views", 4)));
		assertThat(filterOf(articles().filter("views", BigInteger.TEN))).isEqualTo(bson(eq("views", 10)));
		assertThat(filterOf(articles().filter("views", -0.0))).isEqualTo(bson(eq("views", 0)));
		assertThat(filterOf(articles().filter("id", 7))).isEqualTo(bson(eq("_id", 7L)));
	}

	@Test
	void aValueOutOfTheFieldsRangeIsRefused() {
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("views", 3_000_000_000L))
			.withMessage("Article.views expected a Integer but got '3000000000' (Long), which a Integer cannot hold"
					+ " exactly: out of range");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("id", 1e30))
			.withMessageContaining("expected a Long")
			.withMessageContaining("out of range");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("views__lt", new BigDecimal("1E+999999999")))
			.withMessageContaining("out of range");
		assertThat(filterOf(articles().filter("views", Integer.MIN_VALUE))).isEqualTo(bson(eq("views", Integer.MIN_VALUE)));
		assertThat(filterOf(articles().filter("id", Long.MAX_VALUE))).isEqualTo(bson(eq("_id", Long.MAX_VALUE)));
	}

	@Test
	void aDecimalBeyondDecimal128IsRefusedAndOneWithinIsKeptWhole() {
		BigDecimal forty = new BigDecimal("1234567890123456789012345678901234567890.5");
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("price", forty))
			.withMessageStartingWith("Article.price got '1234567890")
			.withMessageContaining("(BigDecimal), which is stored as a Decimal128")
			.withMessageContaining("34 significant digits");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> articles().filter("price__gt", forty.toPlainString()))
			.withMessageContaining("(BigDecimal)");
		BigDecimal exact = new BigDecimal("1234567890123456789012345678.901234");
		assertThat(filterOf(articles().filter("price", exact))).isEqualTo(bson(eq("price", new Decimal128(exact))));
		assertThat(filterOf(articles().filter("price", 0.1)))
			.isEqualTo(bson(eq("price", new Decimal128(new BigDecimal("0.1")))));
	}

	@Test
	void updatesAreStrictToo() {
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> new QueryWrites(this.engine).update(plan(articles()), Map.of("views", 1.5)))
			.withMessageContaining("Article.views expected a Integer but got '1.5' (Double)");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> new QueryWrites(this.engine).update(plan(articles()),
					Map.of("price", new BigDecimal("1E+7000"))))
			.withMessageContaining("Decimal128");
		Command.Update update = new QueryWrites(this.engine).update(plan(articles()), Map.of("views", 8L));
		assertThat(update).isNotNull();
		assertThat(bson(new Document("u", update.update())).getDocument("u"))
			.isEqualTo(bson(new Document("$set", new Document("views", 8))));
	}

}
