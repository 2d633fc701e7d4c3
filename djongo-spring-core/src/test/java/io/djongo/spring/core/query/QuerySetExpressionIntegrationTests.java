package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.functions.Cast;
import io.djongo.spring.core.query.functions.Coalesce;
import io.djongo.spring.core.query.functions.Greatest;
import io.djongo.spring.core.query.functions.Least;
import io.djongo.spring.core.query.functions.NullIf;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Expressions against the answers of Django on PostgreSQL: {@code Value}, {@code F}, arithmetic and its types,
 * {@code ExpressionWrapper}, {@code Case}/{@code When} (Django's {@code tests/expressions_case}), and the comparison
 * functions {@code Coalesce}, {@code NullIf}, {@code Greatest}, {@code Least}, {@code Cast}
 * ({@code tests/db_functions/comparison}). Each evaluation is one command.
 */
class QuerySetExpressionIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("expressions"));
		// Django's CaseExpressionTests.setUpTestData
		template.insertAll(List.of(new CaseModel(1, 1, 1, "1"), new CaseModel(2, 2, 3, "2"), new CaseModel(3, 3, 4, "3"),
				new CaseModel(4, 2, 2, "2"), new CaseModel(5, 3, 4, "3"), new CaseModel(6, 3, 3, "3"),
				new CaseModel(7, 4, 5, "4")));
		template.insertAll(List.of(new FnAuthor(1, "John Smith").alias("smithj").age(45),
				new FnAuthor(2, "Rhonda").age(1).alias("Rhonda"), new FnAuthor(3, "Bob").alias("1").age(1)));
	}

	static QuerySet<CaseModel> cases() {
		return template.objects(CaseModel.class).orderBy("pk");
	}

	static List<List<Object>> rows(QuerySet<?> qs, String... fields) {
		return qs.valuesList(fields).list().stream().map((row) -> (List<Object>) row).toList();
	}

	static List<Object> row(Object... values) {
		return Arrays.asList(values);
	}

	@Test
	void caseAnnotatesTheFirstBranchThatHolds() {
		TestClients.recorder().clear();
		QuerySet<CaseModel> qs = cases().annotate("test", Case.of(When.of("integer", 1, Value.of("one")),
				When.of("integer", 2, Value.of("two"))).otherwise(Value.of("other")));
		assertThat(rows(qs, "integer", "test")).containsExactly(row(1, "one"), row(2, "two"), row(3, "other"),
				row(2, "two"), row(3, "other"), row(3, "other"), row(4, "other"));
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(qs.list()).extracting((model) -> model.test).containsExactly("one", "two", "other", "two", "other",
				"other", "other");
	}

	@Test
	void caseWithoutDefaultIsNull() {
		QuerySet<CaseModel> qs = cases().annotate("test", Case.of(When.of("integer", 1, 1), When.of("integer", 2, 2)));
		assertThat(rows(qs, "integer", "test")).containsExactly(row(1, 1), row(2, 2), row(3, null), row(2, 2),
				row(3, null), row(3, null), row(4, null));
	}

	@Test
	void caseResultsAndConditionsAreExpressions() {
		QuerySet<CaseModel> value = cases().annotate("fTest",
				Case.of(When.of("integer", 1, F.of("integer").plus(1)), When.of("integer", 2, F.of("integer").plus(3)))
					.otherwise("integer"));
		assertThat(rows(value, "integer", "fTest")).containsExactly(row(1, 2), row(2, 5), row(3, 3), row(2, 5),
				row(3, 3), row(3, 3), row(4, 4));
		QuerySet<CaseModel> condition = cases().annotate("fTest",
				Case.of(When.of("integer2", F.of("integer"), Value.of("equal")),
						When.of("integer2", F.of("integer").plus(1), Value.of("+1"))));
		assertThat(rows(condition, "integer", "fTest")).containsExactly(row(1, "equal"), row(2, "+1"), row(3, "+1"),
				row(2, "equal"), row(3, "+1"), row(3, "equal"), row(4, "+1"));
	}

	@Test
	void caseReadsAnnotationsAndCombines() {
		QuerySet<CaseModel> predicate = cases().annotate("fMinus2", F.of("integer").minus(2))
			.annotate("test", Case.of(When.of("fMinus2", -1, Value.of("negative one")), When.of("fMinus2", 0,
					Value.of("zero")), When.of("fMinus2", 1, Value.of("one"))).otherwise(Value.of("other")));
		assertThat(rows(predicate, "integer", "test")).containsExactly(row(1, "negative one"), row(2, "zero"),
				row(3, "one"), row(2, "zero"), row(3, "one"), row(3, "one"), row(4, "other"));
		QuerySet<CaseModel> combined = cases().annotate("test",
				Case.of(When.of("integer", 1, 2), When.of("integer", 2, 1)).otherwise(3).plus(1));
		assertThat(rows(combined, "integer", "test")).containsExactly(row(1, 3), row(2, 2), row(3, 4), row(2, 2),
				row(3, 4), row(3, 4), row(4, 4));
	}

	@Test
	void caseFiltersExcludesAndOrders() {
		Case test = Case.of(When.of("integer", 1, Value.of("one")), When.of("integer", 2, Value.of("two")))
			.otherwise(Value.of("other"));
		assertThat(rows(cases().annotate("test", test).exclude("test", "other"), "integer", "test"))
			.containsExactly(row(1, "one"), row(2, "two"), row(2, "two"));
		Case three = Case.of(When.of("integer", 1, Value.of("one")), When.of("integer", 2, Value.of("two")),
				When.of("integer", 3, Value.of("three"))).otherwise(Value.of("other"));
		assertThat(template.objects(CaseModel.class).annotate("test", three).orderBy("test", "pk")
			.valuesList("integer", Integer.class).list()).containsExactly(1, 4, 3, 3, 3, 2, 2);
		Case expected = Case.of(When.of("integer", 2, 3), When.of("integer", 3, 4)).otherwise(1);
		assertThat(rows(cases().filter("integer2", expected), "integer", "integer2")).containsExactly(row(1, 1),
				row(2, 3), row(3, 4), row(3, 4));
	}

	@Test
	void aggregatesOfCases() {
		assertThat(template.objects(CaseModel.class).aggregate(Sum.of(Case.of(When.of("integer", 1, 1))).as("one"),
				Sum.of(Case.of(When.of("integer", 2, 1))).as("two"), Sum.of(Case.of(When.of("integer", 3, 1))).as("three"),
				Sum.of(Case.of(When.of("integer", 4, 1))).as("four")))
			.containsExactly(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 1));
		assertThat(template.objects(CaseModel.class).aggregate(Sum.of(Case.of(When.of("integer", 1, "integer"))).as("one"),
				Sum.of(Case.of(When.of("integer", 2, F.of("integer").minus(1)))).as("two"),
				Sum.of(Case.of(When.of("integer", 3, F.of("integer").plus(1)))).as("three")))
			.containsEntry("one", 1).containsEntry("two", 2).containsEntry("three", 12);
		assertThat(template.objects(CaseModel.class).aggregate(
				Sum.of(Case.of(When.of("integer2", F.of("integer"), 1))).as("equal"),
				Sum.of(Case.of(When.of("integer2", F.of("integer").plus(1), 1))).as("plusOne")))
			.containsEntry("equal", 3).containsEntry("plusOne", 4);
	}

	@Test
	void whenTakesQsNegationsAndBooleanExpressions() {
		QuerySet<CaseModel> qs = cases().annotate("test",
				Case.of(When.of(Q.of("integer", 1).or(Q.of("integer2", 5)), Value.of("edge")),
						When.of(Q.of("integer", 3).not(), Value.of("not three"))).otherwise(Value.of("three")));
		assertThat(qs.valuesList("test", String.class).list()).containsExactly("edge", "not three", "three",
				"not three", "three", "three", "edge");
	}

	@Test
	void arithmeticFollowsDjangosTypes() {
		QuerySet<CaseModel> qs = cases().filter("pk", 2)
			.annotate("quotient", F.of("integer2").div(F.of("integer")))
			.annotate("ratio", F.of("integer2").div(Value.of(2.0)))
			.annotate("exact", F.of("integer2").times(Value.of(new BigDecimal("1.5"))))
			.annotate("remainder", F.of("integer2").mod(2))
			.annotate("power", F.of("integer").pow(3))
			.annotate("negative", Value.of(-7).div(2));
		Map<String, Object> row = qs.values("quotient", "ratio", "exact", "remainder", "power", "negative").get();
		// integer by integer truncates toward zero, as PostgreSQL divides
		assertThat(row).containsEntry("quotient", 1).containsEntry("negative", -3);
		assertThat(row).containsEntry("ratio", 1.5).containsEntry("exact", new BigDecimal("4.5"))
			.containsEntry("remainder", 1).containsEntry("power", 8);
		assertThat(cases().filter("pk", 2).annotate("none", F.of("integer").plus(Value.of(null)))
			.valuesList("none", Integer.class).get()).isNull();
	}

	@Test
	void mixedTypesNeedAnOutputType() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(
				() -> cases().annotate("x", Value.of(new BigDecimal("1.5")).plus(Value.of(2.5))))
			.withMessageContaining("Cannot infer type of '+' expression involving these types: BigDecimal, Double")
			.withMessageContaining("ExpressionWrapper");
		Expression wrapped = ExpressionWrapper.of(Value.of(new BigDecimal("1.5")).plus(Value.of(2.5)), Double.class);
		assertThat(cases().filter("pk", 1).annotate("x", wrapped).valuesList("x", Object.class).get()).isEqualTo(4.0);
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> cases().annotate("x", Case.of(When.of("integer", 1, Value.of("one"))).otherwise(1)))
			.withMessageContaining("Expression contains mixed types: String, Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> F.of("integer").plus("one"))
			.withMessage("Arithmetic takes numbers, durations or expressions, not one");
	}

	@Test
	void expressionWrapperDeclaresTheTypeWithoutConverting() {
		// Django's ExpressionWrapper(F('a') / F('b'), output_field=FloatField()) still divides integers as integers
		Object value = cases().filter("pk", 2)
			.annotate("x", ExpressionWrapper.of(F.of("integer2").div(F.of("integer")), Double.class))
			.valuesList("x", Object.class)
			.get();
		assertThat(value).isEqualTo(1.0);
	}

	@Test
	void valuesAreLiteral() {
		QuerySet<CaseModel> qs = cases().filter("pk", 1).annotate("text", Value.of("$integer"))
			.annotate("map", Value.of(Map.of("$gt", 1)));
		assertThat(qs.values("text", "map").get()).containsEntry("text", "$integer")
			.containsEntry("map", new org.bson.Document("$gt", 1));
	}

	@Test
	void coalesceTakesTheFirstNonNull() {
		QuerySet<FnAuthor> authors = template.objects(FnAuthor.class).orderBy("name");
		assertThat(authors.annotate("display", Coalesce.of("goesBy", "alias", "name")).valuesList("display", String.class)
			.list()).containsExactly("1", "smithj", "Rhonda");
		assertThat(template.objects(FnAuthor.class).orderBy(Coalesce.of("goesBy", "name")).valuesList("name", String.class)
			.list()).containsExactly("Bob", "John Smith", "Rhonda");
		assertThat(template.objects(FnAuthor.class).orderBy(Coalesce.of("goesBy", "name").desc())
			.valuesList("name", String.class).list()).containsExactly("Rhonda", "John Smith", "Bob");
		assertThat(authors.annotate("n", Coalesce.of("goesBy", Value.of("none"))).valuesList("n", String.class).list())
			.containsExactly("none", "none", "none");
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> authors.annotate("n", Coalesce.of("goesBy", Value.of(42))))
			.withMessageContaining("Expression contains mixed types: String, Integer");
		assertThatIllegalArgumentException().isThrownBy(() -> Coalesce.of("alias"))
			.withMessage("Coalesce must take at least two expressions");
	}

	@Test
	void nullIfIsNullWhenEqual() {
		QuerySet<FnAuthor> authors = template.objects(FnAuthor.class).orderBy("pk");
		assertThat(authors.annotate("nullif", NullIf.of("alias", "name")).valuesList("nullif", String.class).list())
			.containsExactly("smithj", null, "1");
		assertThat(authors.annotate("nullif", NullIf.of("name", Value.of(null))).valuesList("nullif", String.class)
			.list()).containsExactly("John Smith", "Rhonda", "Bob");
	}

	@Test
	void greatestAndLeastIgnoreNullsAsPostgreSql() {
		QuerySet<FnAuthor> authors = template.objects(FnAuthor.class).orderBy("pk");
		assertThat(authors.annotate("g", Greatest.of("name", "goesBy", "alias")).valuesList("g", String.class).list())
			.containsExactly("smithj", "Rhonda", "Bob");
		assertThat(authors.annotate("l", Least.of("age", Value.of(10))).valuesList("l", Integer.class).list())
			.containsExactly(10, 1, 1);
		assertThat(authors.annotate("none", Greatest.of("goesBy", Value.of(null))).valuesList("none", String.class)
			.list()).containsOnlyNulls();
		assertThatIllegalArgumentException().isThrownBy(() -> Greatest.of("name"))
			.withMessage("Greatest must take at least two expressions");
	}

	@Test
	void castConvertsAsPostgreSql() {
		QuerySet<FnAuthor> bob = template.objects(FnAuthor.class).filter("pk", 3);
		assertThat(bob.annotate("x", Cast.of(Value.of("0"), Integer.class)).valuesList("x", Object.class).get())
			.isEqualTo(0);
		assertThat(bob.annotate("x", Cast.of("age", String.class)).valuesList("x", Object.class).get()).isEqualTo("1");
		assertThat(bob.annotate("x", Cast.of("alias", Long.class)).valuesList("x", Object.class).get()).isEqualTo(1L);
		assertThat(bob.annotate("x", Cast.of(Value.of(new BigDecimal("0.125")), Double.class)).valuesList("x",
				Object.class).get()).isEqualTo(0.125);
		assertThat(bob.annotate("x", Cast.of(Value.of(2.0), String.class)).valuesList("x", Object.class).get())
			.as("a whole float is written without its fraction").isEqualTo("2");
		assertThat(bob.annotate("x", Cast.of(Value.of(2.5), Integer.class)).valuesList("x", Object.class).get())
			.as("a float rounds half to even").isEqualTo(2);
		assertThat(bob.annotate("x", Cast.of(Value.of(3.5), Integer.class)).valuesList("x", Object.class).get())
			.isEqualTo(4);
		assertThat(bob.annotate("x", Cast.of(Value.of(new BigDecimal("2.5")), Integer.class)).valuesList("x",
				Object.class).get()).as("a decimal rounds half away from zero").isEqualTo(3);
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> bob.annotate("x", Cast.of("name", Boolean.class)))
			.withMessageContaining("Cannot cast String to Boolean");
	}

	@Test
	void anAliasIsUsableButNotReturned() {
		QuerySet<CaseModel> aliased = cases().alias("sum", F.of("integer").plus(F.of("integer2")));
		assertThat(aliased.filter("sum__gte", 7).orderBy("-sum", "pk").valuesList("pk", Long.class).list())
			.containsExactly(7L, 3L, 5L);
		assertThat(aliased.values().first().get()).doesNotContainKey("sum");
		assertThat(aliased.filter("pk", 1).annotate("twice", F.of("sum").times(2)).values("twice").get())
			.containsExactly(Map.entry("twice", 4));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> aliased.values("sum"))
			.withMessage("Cannot select the 'sum' alias. Use annotate() to promote it.");
		assertThat(aliased.first()).isPresent();
	}

	@Test
	void expressionsCompareInFilters() {
		assertThat(rows(cases().filter("integer2__gte", F.of("integer").plus(1)), "integer", "integer2"))
			.containsExactly(row(2, 3), row(3, 4), row(3, 4), row(4, 5));
		assertThat(template.objects(FnAuthor.class).filter("alias", Coalesce.of("goesBy", "name"))
			.valuesList("name", String.class).list()).containsExactly("Rhonda");
		assertThat(cases().annotate("n", Count.of("integer")).filter("n", 1).count()).isEqualTo(7);
	}

}
