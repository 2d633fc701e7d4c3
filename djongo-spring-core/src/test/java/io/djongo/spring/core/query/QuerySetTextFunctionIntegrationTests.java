package io.djongo.spring.core.query;

import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.functions.Concat;
import io.djongo.spring.core.query.functions.LPad;
import io.djongo.spring.core.query.functions.LTrim;
import io.djongo.spring.core.query.functions.Left;
import io.djongo.spring.core.query.functions.Length;
import io.djongo.spring.core.query.functions.Lower;
import io.djongo.spring.core.query.functions.RPad;
import io.djongo.spring.core.query.functions.RTrim;
import io.djongo.spring.core.query.functions.Replace;
import io.djongo.spring.core.query.functions.Reverse;
import io.djongo.spring.core.query.functions.Right;
import io.djongo.spring.core.query.functions.StrIndex;
import io.djongo.spring.core.query.functions.Substr;
import io.djongo.spring.core.query.functions.Trim;
import io.djongo.spring.core.query.functions.Upper;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The text functions against Django's own tests ({@code tests/db_functions/text}) and PostgreSQL's answers: in
 * characters, null in giving null out ({@code Concat} aside), run in the one command of the QuerySet.
 */
class QuerySetTextFunctionIntegrationTests {

	static QuerySet<FnAuthor> authors(FnAuthor... authors) {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("text"));
		template.insertAll(Arrays.asList(authors));
		return template.objects(FnAuthor.class);
	}

	static List<String> strings(QuerySet<FnAuthor> qs, String annotation) {
		return qs.valuesList(annotation, String.class).list();
	}

	@Test
	void concatTreatsNullsAsEmptyStrings() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "Jayden"),
				new FnAuthor(2, "John Smith").alias("smithj").goesBy("John"), new FnAuthor(3, "Margaret").goesBy("Maggie"),
				new FnAuthor(4, "Rhonda").alias("adnohR"));
		TestClients.recorder().clear();
		assertThat(strings(authors.annotate("joined", Concat.of("alias", "goesBy")).orderBy("name"), "joined"))
			.containsExactly("", "smithjJohn", "Maggie", "adnohR");
		assertThat(TestClients.recorder().names()).containsExactly("aggregate");
		assertThat(strings(authors.annotate("joined", Concat.of("name", Value.of(" ("), "goesBy", Value.of(")")))
			.orderBy("name"), "joined")).containsExactly("Jayden ()", "John Smith (John)", "Margaret (Maggie)",
					"Rhonda ()");
		assertThatIllegalArgumentException().isThrownBy(() -> Concat.of("alias"))
			.withMessage("Concat must take at least two expressions");
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> authors.annotate("x", Concat.of("name", "age")))
			.withMessageContaining("Expression contains mixed types: String, Integer");
	}

	@Test
	void lowerAndUpperFoldUnicodeCharacterByCharacter() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "John Smith").alias("smithj"),
				new FnAuthor(2, "ÉCOLE Straße Ωμέγα"));
		assertThat(strings(authors.annotate("lower", Lower.of("name")).orderBy("pk"), "lower"))
			.containsExactly("john smith", "école straße ωμέγα");
		// PostgreSQL's upper() maps one character to one: ß stays ß
		assertThat(strings(authors.annotate("upper", Upper.of("name")).orderBy("pk"), "upper"))
			.containsExactly("JOHN SMITH", "ÉCOLE STRAßE ΩΜΈΓΑ");
		assertThat(strings(authors.annotate("upper", Upper.of("goesBy")), "upper")).containsOnlyNulls();
		assertThat(authors.filter("name", Lower.of(Value.of("JOHN SMITH"))).count()).isZero();
		assertThat(authors.annotate("lower", Lower.of("name")).filter("lower", "john smith").count()).isOne();
	}

	@Test
	void lengthCountsCharacters() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "John Smith").alias("smithj"), new FnAuthor(2, "Rhonda"),
				new FnAuthor(3, "ツリー"));
		QuerySet<FnAuthor> lengths = authors.annotate("nameLength", Length.of("name"))
			.annotate("aliasLength", Length.of("alias"))
			.orderBy("pk");
		assertThat(lengths.valuesList("nameLength", "aliasLength").list()).containsExactly(Arrays.asList(10, 6),
				Arrays.asList(6, null), Arrays.asList(3, null));
		assertThat(lengths.filter("aliasLength__lte", Length.of("name")).count()).isOne();
		assertThat(authors.orderBy(Length.of("name"), Length.of("alias")).valuesList("name", String.class).list())
			.containsExactly("ツリー", "Rhonda", "John Smith");
	}

	@Test
	void substrLeftAndRight() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "John Smith").alias("smithj"), new FnAuthor(2, "Rhonda"))
			.orderBy("name");
		assertThat(strings(authors.annotate("part", Substr.of("name", 5, 3)), "part")).containsExactly(" Sm", "da");
		assertThat(strings(authors.annotate("part", Substr.of("name", 2)), "part")).containsExactly("ohn Smith", "honda");
		assertThat(strings(authors.annotate("part", Substr.of(Upper.of("name"), StrIndex.of("name", Value.of("h")), 5)),
				"part")).containsExactly("HN SM", "HONDA");
		assertThatIllegalArgumentException().isThrownBy(() -> Substr.of("name", 0))
			.withMessage("'pos' must be greater than 0");
		assertThat(strings(authors.annotate("part", Left.of("name", 5)), "part")).containsExactly("John ", "Rhond");
		assertThat(strings(authors.annotate("part", Left.of("name", Value.of(3))), "part")).containsExactly("Joh", "Rho");
		assertThat(strings(authors.annotate("part", Left.of("name", Value.of(-5))), "part"))
			.as("PostgreSQL's negative length drops the last characters").containsExactly("John ", "R");
		assertThat(strings(authors.annotate("part", Right.of("name", 5)), "part")).containsExactly("Smith", "honda");
		assertThat(strings(authors.annotate("part", Right.of("name", Value.of(3))), "part")).containsExactly("ith", "nda");
		assertThatIllegalArgumentException().isThrownBy(() -> Left.of("name", 0))
			.withMessage("'length' must be greater than 0.");
		assertThat(strings(authors.annotate("part", Left.of("alias", 2)), "part")).containsExactly("sm", null);
	}

	@Test
	void padsRepeatTheFillTextAndCut() {
		QuerySet<FnAuthor> john = authors(new FnAuthor(1, "John").alias("j"));
		assertThat(strings(john.annotate("p", LPad.of("name", 7, Value.of("xy"))), "p")).containsExactly("xyxJohn");
		assertThat(strings(john.annotate("p", RPad.of("name", 7, Value.of("xy"))), "p")).containsExactly("Johnxyx");
		assertThat(strings(john.annotate("p", LPad.of("name", 6)), "p")).containsExactly("  John");
		assertThat(strings(john.annotate("p", RPad.of("name", 6)), "p")).containsExactly("John  ");
		assertThat(strings(john.annotate("p", LPad.of("name", 2)), "p")).containsExactly("Jo");
		assertThat(strings(john.annotate("p", RPad.of("name", 0)), "p")).containsExactly("");
		assertThat(strings(john.annotate("p", LPad.of("name", Value.of(null))), "p")).containsOnlyNulls();
		assertThat(strings(john.annotate("p", LPad.of(Value.of(null), 1)), "p")).containsOnlyNulls();
		assertThat(strings(john.annotate("p", RPad.of("goesBy", 1)), "p")).containsOnlyNulls();
		assertThatIllegalArgumentException().isThrownBy(() -> LPad.of("name", -1))
			.withMessage("'length' must be greater or equal to 0.");
		QuerySet<FnAuthor> filled = authors(new FnAuthor(1, "Rhonda").alias("john_smith"),
				new FnAuthor(2, "♥♣♠").alias("bytes"));
		assertThat(strings(filled.annotate("filled", LPad.of("name", Length.of("alias"))).orderBy("alias"), "filled"))
			.containsExactly("  ♥♣♠", "    Rhonda");
	}

	@Test
	void replaceEveryOccurrenceCaseSensitively() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "George R. R. Martin"), new FnAuthor(2, "J. R. R. Tolkien"))
			.orderBy("pk");
		assertThat(strings(authors.annotate("x", Replace.of(F.of("name"), Value.of("R. R. "), Value.of(""))), "x"))
			.containsExactly("George Martin", "J. Tolkien");
		assertThat(strings(authors.annotate("x", Replace.of(F.of("name"), Value.of("r. r."), Value.of(""))), "x"))
			.containsExactly("George R. R. Martin", "J. R. R. Tolkien");
		assertThat(strings(authors.annotate("x", Replace.of(Concat.of(Value.of("Author: "), F.of("name")),
				Value.of("Author: "), Value.of(""))), "x")).containsExactly("George R. R. Martin", "J. R. R. Tolkien");
		assertThat(strings(authors.annotate("x", Replace.of("name", Value.of("R. R. "))), "x"))
			.containsExactly("George Martin", "J. Tolkien");
		assertThat(strings(authors.annotate("x", Replace.of("name", Value.of("R"), Value.of("$name"))), "x"))
			.as("the replacement is literal").containsExactly("George $name. $name. Martin", "J. $name. $name. Tolkien");
		assertThat(strings(authors.annotate("x", Replace.of("name", Value.of(""), Value.of("-"))), "x"))
			.containsExactly("George R. R. Martin", "J. R. R. Tolkien");
	}

	@Test
	void strIndexIsOneBasedAndZeroWhenAbsent() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "George. R. R. Martin"), new FnAuthor(2, "J. R. R. Tolkien"),
				new FnAuthor(3, "Terry Pratchett"));
		QuerySet<FnAuthor> indexed = authors.annotate("fullstop", StrIndex.of("name", Value.of("R.")));
		assertThat(indexed.orderBy("name").valuesList("fullstop", Integer.class).list()).containsExactly(9, 4, 0);
		assertThat(indexed.filter("fullstop__gt", 0).orderBy("name").valuesList("name", String.class).list())
			.containsExactly("George. R. R. Martin", "J. R. R. Tolkien");
		assertThat(authors.orderBy(StrIndex.of("name", Value.of("R.")).desc()).valuesList("name", String.class).list())
			.containsExactly("George. R. R. Martin", "J. R. R. Tolkien", "Terry Pratchett");
		QuerySet<FnAuthor> unicode = authors(new FnAuthor(1, "ツリー"), new FnAuthor(2, "皇帝"), new FnAuthor(3, "皇帝 ツリー"));
		assertThat(unicode.annotate("sb", StrIndex.of("name", Value.of("リ"))).orderBy("name")
			.valuesList("sb", Integer.class).list()).containsExactly(2, 0, 5);
	}

	@Test
	void reverseCharacters() {
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "John Smith").alias("smithj"),
				new FnAuthor(2, "Élena Jordan").alias("elena"), new FnAuthor(3, "パイソン"));
		assertThat(strings(authors.annotate("backward", Reverse.of("name")).orderBy("pk"), "backward"))
			.containsExactly("htimS nhoJ", "nadroJ anelÉ", "ンソイパ");
		assertThat(strings(authors.annotate("backward", Reverse.of("alias")).filter("pk", 3), "backward"))
			.containsOnlyNulls();
	}

	@Test
	void trimsRemoveSpacesOnly() {
		TestMongo.assumeRealMongoDb("$trim, $ltrim, $rtrim");
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "  John ").alias("j"), new FnAuthor(2, "Rhonda").alias("r"),
				new FnAuthor(3, "\tTab\t").alias("t"));
		QuerySet<FnAuthor> trimmed = authors.annotate("l", LTrim.of("name")).annotate("r", RTrim.of("name"))
			.annotate("t", Trim.of("name"))
			.orderBy("alias");
		assertThat(trimmed.valuesList("l", "r", "t").list()).containsExactly(Arrays.asList("John ", "  John", "John"),
				Arrays.asList("Rhonda", "Rhonda", "Rhonda"), Arrays.asList("\tTab\t", "\tTab\t", "\tTab\t"));
		assertThat(strings(authors.annotate("t", Reverse.of(Trim.of("name"))).filter("pk", 1), "t"))
			.containsExactly("nhoJ");
	}

	@Test
	void trimsFailClearlyOnTheEmbeddedServer() {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestMongo.isEmbedded(), "the embedded server lacks $trim");
		QuerySet<FnAuthor> authors = authors(new FnAuthor(1, "  John "));
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> authors.annotate("t", Trim.of("name")).list())
			.withMessageStartingWith("FnAuthor: needs a real MongoDB: $trim is not supported by this server");
	}

}
