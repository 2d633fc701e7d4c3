package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Values that look like query operators are literals for every lookup: each lookup is given each such value against
 * stored data, and either matches exactly what the literal value matches (usually nothing, where an injected
 * operator would match everything) or refuses the value with our exception. No value ever turns into an operator.
 */
class QuerySetInjectionIntegrationTests {

	static DjongoTemplate template;

	/** Values an attacker sends instead of a string or number. */
	static final List<Object> OPERATOR_VALUES = List.of(Map.of("$gt", ""), Map.of("$ne", "x"),
			Map.of("$regex", ".*"), Map.of("$where", "true"), "{$where: 'true'}", "{\"$gt\": \"\"}", ".*", "$where",
			"$gt", "'; return true; var x='", "^", "a.b*c", List.of(Map.of("$ne", "x")),
			List.of(Map.of("$exists", true)));

	static final java.util.Set<String> COMPARISONS = java.util.Set.of("gt", "gte", "lt", "lte");

	static final String[] LOOKUPS = { "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte",
			"startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex", "year",
			"month", "date" };

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("injection");
	}

	static Stream<String> lookups() {
		return Stream.of(LOOKUPS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lookups")
	void operatorLookingValuesAreLiterals(String lookup) {
		for (String field : new String[] { "title", "rating", "meta", "tags", "publishedDate", "blog__name" }) {
			for (Object value : OPERATOR_VALUES) {
				String expression = field + "__" + lookup;
				List<Long> matched;
				try {
					matched = ids(template.objects(Article.class).orderBy("id").filter(expression, value));
				}
				catch (InvalidDataAccessApiUsageException ex) {
					assertThat(ex).as(expression + " = " + value).isInstanceOfAny(FieldError.class,
							InvalidLookupException.class);
					assertThat(ex.getMessage()).as(expression + " = " + value).contains("Article");
					continue;
				}
				if (field.equals("meta") && COMPARISONS.contains(lookup)) {
					// a map value is one embedded document, compared in BSON order: the command shows it is a literal
					org.bson.Document filter = template.objects(Article.class)
						.filter(expression, value)
						.command()
						.get("filter", org.bson.Document.class);
					assertThat(filter.toJson()).as(expression + " = " + value)
						.isEqualTo(new org.bson.Document("meta", new org.bson.Document("$" + lookup, value)).toJson());
					continue;
				}
				if ((field.equals("meta") || field.equals("tags")) && lookup.endsWith("regex") && TestMongo.isEmbedded()) {
					// the embedded server matches a regex against a whole embedded document and an empty array
					continue;
				}
				assertThat(matched).as(expression + " = " + value).isEqualTo(literal(field, lookup, value));
			}
		}
	}

	/** The text values of each article (in id order) that a lookup on the field compares with. */
	static final Map<String, List<List<String>>> TEXTS = Map.of(
			"title", List.of(List.of("Django on MongoDB"), List.of("Spring data"), List.of("Unrated"),
					List.of("a.b*c (literal)"), List.of("$where"), List.of("Early")),
			"tags", List.of(List.of("python", "django"), List.of("java", "spring"), List.of(), List.of(), List.of(),
					List.of()),
			"blog__name", List.of(List.of("Beatles"), List.of("Stones"), List.of(), List.of(), List.of(), List.of()));

	/**
	 * What the value matches when taken literally. A value compared with text is text: a map or list becomes its
	 * string form ({@code {$gt=}}), as Django's {@code str(value)}; {@code in} takes each element so; a list is
	 * compared whole with a list field; only regex lookups read a string as a regular expression, which is what they
	 * take.
	 */
	static List<Long> literal(String field, String lookup, Object value) {
		List<List<String>> stored = TEXTS.get(field);
		if (stored == null) {
			return List.of();
		}
		List<String> wanted = new ArrayList<>();
		if (lookup.equals("in")) {
			((java.util.Collection<?>) value).forEach((element) -> wanted.add(String.valueOf(element)));
		}
		else if (field.equals("tags") && lookup.equals("exact") && value instanceof java.util.Collection<?>) {
			return List.of();
		}
		else {
			wanted.add(String.valueOf(value));
		}
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < stored.size(); i++) {
			if (stored.get(i).stream().anyMatch((candidate) -> wanted.stream()
				.anyMatch((text) -> matches(lookup.equals("in") ? "exact" : lookup, candidate, text)))) {
				ids.add(i + 1L);
			}
		}
		return ids;
	}

	static boolean matches(String lookup, String stored, String text) {
		String lower = stored.toLowerCase(java.util.Locale.ROOT);
		String wanted = text.toLowerCase(java.util.Locale.ROOT);
		return switch (lookup) {
			case "exact" -> stored.equals(text);
			case "iexact" -> lower.equals(wanted);
			case "contains" -> stored.contains(text);
			case "icontains" -> lower.contains(wanted);
			case "startswith" -> stored.startsWith(text);
			case "istartswith" -> lower.startsWith(wanted);
			case "endswith" -> stored.endsWith(text);
			case "iendswith" -> lower.endsWith(wanted);
			case "gt" -> stored.compareTo(text) > 0;
			case "gte" -> stored.compareTo(text) >= 0;
			case "lt" -> stored.compareTo(text) < 0;
			case "lte" -> stored.compareTo(text) <= 0;
			case "regex", "iregex" -> java.util.regex.Pattern
				.compile(text, lookup.equals("iregex") ? java.util.regex.Pattern.CASE_INSENSITIVE : 0)
				.matcher(stored)
				.find();
			default -> false;
		};
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lookups")
	void excludingAnOperatorLookingValueRemovesOnlyLiteralMatches(String lookup) {
		for (Object value : OPERATOR_VALUES) {
			String expression = "title__" + lookup;
			List<Long> kept;
			try {
				kept = ids(template.objects(Article.class).orderBy("id").exclude(expression, value));
			}
			catch (InvalidDataAccessApiUsageException ex) {
				continue;
			}
			List<Long> expected = new ArrayList<>(List.of(1L, 2L, 3L, 4L, 5L, 6L));
			expected.removeAll(literal("title", lookup, value));
			assertThat(kept).as("exclude " + expression + " = " + value).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lookups")
	void operatorLookingMapKeysAndFieldNamesAreRefused(String lookup) {
		for (String path : new String[] { "$where", "title.$gt", "meta__$where", "meta__a.b", "$where__" + lookup }) {
			assertThatExceptionOfType(FieldError.class)
				.isThrownBy(() -> template.objects(Article.class).filter(path + "__" + lookup, "x").list())
				.withMessageContaining("Article");
		}
	}

	static List<Long> ids(QuerySet<Article> qs) {
		return qs.list().stream().map((article) -> article.id).toList();
	}

}
