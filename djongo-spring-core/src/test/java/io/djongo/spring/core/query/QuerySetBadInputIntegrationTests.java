package io.djongo.spring.core.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of generated lookups, values, orderings and projections, from fixed seeds: each call either works or
 * fails with one of the documented exceptions ({@code FieldError}, {@link InvalidLookupException}, Spring's
 * {@link InvalidDataAccessApiUsageException}) whose message names the model or the lookup at fault; never a
 * {@code NullPointerException}, a driver exception or a wrong result. For lookups on plain fields, an in-memory
 * oracle with Django's semantics says which documents must match.
 */
class QuerySetBadInputIntegrationTests {

	static DjongoTemplate template;

	static List<Article> stored;

	static final String[] FIELDS = { "title", "body", "rating", "views", "publishedDate", "day", "status", "price",
			"tags", "blog", "blogs", "meta", "id", "pk", "numTags", "total", "name", "color", "text" };

	static final String[] LOOKUPS = { "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte",
			"startswith", "istartswith", "endswith", "iendswith", "range", "date", "year", "iso_year", "month", "day",
			"week", "week_day", "iso_week_day", "quarter", "time", "hour", "minute", "second", "isnull", "regex",
			"iregex" };

	static final String[] JUNK = { "", "_", "___", "$where", "$gt", "a.b", ".", "tïtle", "标题", "😀", " ", "TITLE",
			"title ", "__proto__", "null", "0", "-rating", "?" };

	static final String[] TEXTS = { "django", "DJANGO", "Django on MongoDB", "über", "ÜBER", "école", "Spring", "a.b*c",
			"(literal)", "$where", ".*", "", "Early", "e", "^S", "straße", "   " };

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("bad_input");
		stored = template.objects(Article.class).orderBy("id").list();
		assertThat(stored).hasSize(6);
	}

	@Test
	void generatedLookupsAndValuesWorkOrFailWithOurExceptions() {
		Random random = new Random(20241125L);
		int worked = 0;
		int refused = 0;
		for (int i = 0; i < 3_000; i++) {
			String lookup = lookup(random);
			Object value = value(random);
			boolean exclude = random.nextBoolean();
			Outcome outcome = attempt(() -> {
				QuerySet<Article> qs = exclude ? articles().exclude(lookup, value) : articles().filter(lookup, value);
				return qs.list();
			}, "filter/exclude " + lookup + " = " + shown(value));
			if (outcome == Outcome.WORKED) {
				worked++;
			}
			else {
				refused++;
			}
		}
		// the generator is meant to hit both sides
		assertThat(worked).isGreaterThan(300);
		assertThat(refused).isGreaterThan(300);
	}

	@Test
	void generatedFiltersMatchWhatTheOracleMatches() {
		Random random = new Random(7L);
		for (int i = 0; i < 1_500; i++) {
			Condition condition = condition(random);
			int shape = random.nextInt(4);
			QuerySet<Article> qs;
			Predicate<Article> expected;
			String description;
			if (shape == 0) {
				qs = articles().filter(condition.lookup, condition.value);
				expected = condition.matches;
				description = "filter " + condition;
			}
			else if (shape == 1) {
				qs = articles().exclude(condition.lookup, condition.value);
				expected = condition.matches.negate();
				description = "exclude " + condition;
			}
			else {
				Condition other = condition(random);
				Q left = Q.of(condition.lookup, condition.value);
				Q right = Q.of(other.lookup, other.value);
				if (shape == 2) {
					qs = articles().filter(left.or(right.not()));
					expected = condition.matches.or(other.matches.negate());
					description = "filter " + condition + " | ~" + other;
				}
				else {
					qs = articles().filter(condition.lookup, condition.value).filter(right);
					expected = condition.matches.and(other.matches);
					description = "filter " + condition + ", " + other;
				}
			}
			List<Long> ids = idsOf(qs.list());
			List<Long> oracle = stored.stream().filter(expected).map((article) -> article.id).toList();
			assertThat(ids).as(description).isEqualTo(oracle);
		}
	}

	@Test
	void generatedOrderingsSortOrFailWithOurExceptions() {
		Random random = new Random(99L);
		for (int i = 0; i < 600; i++) {
			String[] fields = new String[random.nextInt(3)];
			for (int f = 0; f < fields.length; f++) {
				String name = random.nextInt(4) == 0 ? lookup(random) : pick(random, FIELDS);
				fields[f] = (random.nextBoolean() ? "-" : "") + name;
			}
			String description = "orderBy " + Arrays.toString(fields);
			List<Article>[] result = new List[1];
			Outcome outcome = attempt(() -> result[0] = template.objects(Article.class).orderBy(fields).list(),
					description);
			if (outcome == Outcome.WORKED) {
				assertThat(result[0]).as(description).hasSize(6);
				if (fields.length == 1 && SORTABLE.containsKey(fields[0].replace("-", ""))) {
					assertSorted(result[0], fields[0], description);
				}
			}
		}
	}

	@Test
	void generatedValuesProjectionsWorkOrFailWithOurExceptions() {
		Random random = new Random(5L);
		for (int i = 0; i < 600; i++) {
			String[] fields = new String[random.nextInt(3)];
			for (int f = 0; f < fields.length; f++) {
				fields[f] = random.nextInt(3) == 0 ? lookup(random) : pick(random, FIELDS);
			}
			String description = "values " + Arrays.toString(fields);
			List<Map<String, @Nullable Object>>[] rows = new List[1];
			Outcome outcome = attempt(() -> rows[0] = articles().values(fields).list(), description);
			if (outcome == Outcome.WORKED) {
				assertThat(rows[0]).as(description).hasSize(6);
				if (fields.length > 0) {
					assertThat(rows[0].get(0).keySet()).as(description)
						.containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(List.of(fields)));
				}
				for (String field : fields) {
					if (SORTABLE.containsKey(field)) {
						for (int r = 0; r < 6; r++) {
							assertThat(rows[0].get(r).get(field)).as(description)
								.isEqualTo(SORTABLE.get(field).apply(stored.get(r)));
						}
					}
				}
			}
		}
	}

	@Test
	void nonFiniteNumbersAreRefusedWhereAnIntegerIsStored() {
		// views 0 is stored: a NaN read as 0 would match it
		for (Object value : new Object[] { Double.NaN, Float.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> articles().filter("views", value))
				.withMessageContaining("Article.views")
				.withMessageContaining(String.valueOf(value));
			assertThatExceptionOfType(InvalidLookupException.class)
				.isThrownBy(() -> articles().filter("rating__in", List.of(1, value)))
				.withMessageContaining("Article.rating__in");
		}
		assertThat(idsOf(articles().filter("views", 0.0).list())).containsExactly(3L);
	}

	@Test
	void mapKeysInLookupsCannotHoldDotsOrDollars() {
		// {meta: {a: {b: 1}}} must not answer for the key "a.b", which MongoDB cannot store
		assertThatExceptionOfType(io.djongo.spring.core.model.FieldError.class)
			.isThrownBy(() -> articles().filter("meta__a.b", 1))
			.withMessageContaining("'a.b'")
			.withMessageContaining("Article");
		assertThatExceptionOfType(io.djongo.spring.core.model.FieldError.class)
			.isThrownBy(() -> articles().filter("meta__$where", 1))
			.withMessageContaining("'$where'");
		assertThat(idsOf(articles().filter("meta__color", "red").list())).containsExactly(1L);
	}

	// ---- the attempt and its allowed outcomes

	enum Outcome {

		WORKED, REFUSED

	}

	static Outcome attempt(Supplier<?> call, String description) {
		try {
			call.get();
			return Outcome.WORKED;
		}
		catch (InvalidDataAccessApiUsageException ex) {
			// FieldError and InvalidLookupException are InvalidDataAccessApiUsageExceptions
			String message = ex.getMessage();
			assertThat(message).as(description + ": a message").isNotBlank();
			assertThat(message).as(description + ": names the model or what was wrong")
				.containsAnyOf("Article", "Negative", "slice", "None", "lookup", "field");
			assertThat(ex.getClass().getName()).as(description)
				.isIn(io.djongo.spring.core.model.FieldError.class.getName(), InvalidLookupException.class.getName(),
						InvalidDataAccessApiUsageException.class.getName());
			return Outcome.REFUSED;
		}
		catch (RuntimeException | AssertionError ex) {
			return fail(description + " failed with " + ex, ex);
		}
	}

	// ---- generators

	static QuerySet<Article> articles() {
		return template.objects(Article.class).orderBy("id");
	}

	static String lookup(Random random) {
		if (random.nextBoolean()) {
			// plausible: a field, perhaps a lookup
			String field = pick(random, FIELDS);
			return random.nextBoolean() ? field : field + "__" + pick(random, LOOKUPS);
		}
		List<String> parts = new ArrayList<>();
		int size = 1 + random.nextInt(4);
		for (int i = 0; i < size; i++) {
			int kind = random.nextInt(10);
			parts.add((kind < 4) ? pick(random, FIELDS) : (kind < 8) ? pick(random, LOOKUPS) : pick(random, JUNK));
		}
		String lookup = String.join("__", parts);
		return switch (random.nextInt(12)) {
			case 0 -> "__" + lookup;
			case 1 -> lookup + "__";
			case 2 -> lookup.replace("__", "___");
			default -> lookup;
		};
	}

	static @Nullable Object value(Random random) {
		return switch (random.nextInt(22)) {
			case 0 -> null;
			case 1, 2 -> pick(random, TEXTS);
			case 3 -> random.nextInt(10) - 2;
			case 4 -> random.nextLong();
			case 5 -> random.nextDouble() * 10;
			case 6 -> pick(random, new Object[] { Double.NaN, Double.POSITIVE_INFINITY, -0.0, Long.MAX_VALUE });
			case 7 -> random.nextBoolean();
			case 8 -> Instant.parse("2024-03-01T10:00:00Z").plusSeconds(random.nextInt(1_000_000) - 500_000);
			case 9 -> LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
			case 10 -> new Date(random.nextLong() % 2_000_000_000_000L);
			case 11 -> new BigDecimal(random.nextInt(3000)).movePointLeft(2);
			case 12 -> List.of(pick(random, TEXTS), random.nextInt(6));
			case 13 -> List.of();
			case 14 -> Arrays.asList(null, 3, "x");
			case 15 -> Map.of("$gt", "");
			case 16 -> Map.of("color", "red", "$where", "1");
			case 17 -> new int[] { 1, 5 };
			case 18 -> pick(random, new Object[] { new Object(), UUID.randomUUID(), new ObjectId(), Article.Status.DRAFT });
			case 19 -> F.of(pick(random, FIELDS));
			case 20 -> List.of(List.of(1, 2), Map.of("a", 1));
			default -> "{$where: 'sleep(100) || true'}";
		};
	}

	static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	static String shown(@Nullable Object value) {
		if (value instanceof int[] ints) {
			return Arrays.toString(ints);
		}
		return (value != null) ? value + " (" + value.getClass().getSimpleName() + ")" : "null";
	}

	static List<Long> idsOf(List<Article> articles) {
		return articles.stream().map((article) -> article.id).toList();
	}

	// ---- the oracle: Django's semantics on plain fields, evaluated in memory

	static final Map<String, Function<Article, @Nullable Object>> SORTABLE = Map.of("title", (a) -> a.title, "body",
			(a) -> a.body, "rating", (a) -> a.rating, "views", (a) -> a.views, "id", (a) -> a.id);

	/**
	 * A lookup on a plain field, its value, and which articles it matches.
	 */
	record Condition(String lookup, @Nullable Object value, Predicate<Article> matches) {

		@Override
		public String toString() {
			return this.lookup + "=" + shown(this.value);
		}

	}

	static Condition condition(Random random) {
		boolean text = random.nextBoolean();
		String field = text ? (random.nextBoolean() ? "title" : "body") : (random.nextBoolean() ? "rating" : "views");
		Function<Article, @Nullable Object> read = SORTABLE.get(field);
		String[] lookups = text
				? new String[] { "exact", "iexact", "contains", "icontains", "startswith", "istartswith", "endswith",
						"iendswith", "gt", "lt", "in", "isnull", "regex", "iregex" }
				: new String[] { "exact", "gt", "gte", "lt", "lte", "in", "range", "isnull" };
		String lookup = pick(random, lookups);
		Supplier<Object> one = text ? () -> pick(random, TEXTS) : () -> random.nextInt(12) - 1;
		Object value = switch (lookup) {
			case "in" -> Arrays.asList(one.get(), random.nextBoolean() ? null : one.get());
			case "range" -> new TreeSet<>(List.of((Integer) one.get(), (Integer) one.get())).stream().toList();
			case "isnull" -> random.nextBoolean();
			case "regex", "iregex" -> pick(random, new String[] { "^S", "a$", "o.*M", "\\$", "[Ee]", ".*", "^$" });
			// only exact and iexact accept None, as in Django
			default -> (random.nextInt(6) == 0 && lookup.endsWith("exact")) ? null : one.get();
		};
		if (value instanceof List<?> range && lookup.equals("range") && range.size() == 1) {
			value = List.of(range.get(0), range.get(0));
		}
		String full = (lookup.equals("exact") && random.nextBoolean()) ? field : field + "__" + lookup;
		Object finalValue = value;
		Predicate<Article> matches = (article) -> {
			Object stored = read.apply(article);
			if (finalValue == null) {
				return stored == null;
			}
			if (lookup.equals("isnull")) {
				return (stored == null) == (Boolean) finalValue;
			}
			if (stored == null) {
				return false;
			}
			return matches(lookup, stored, finalValue);
		};
		return new Condition(full, value, matches);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static boolean matches(String lookup, Object stored, Object value) {
		String text = String.valueOf(stored);
		String wanted = String.valueOf(value);
		int insensitive = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		return switch (lookup) {
			case "exact" -> stored.equals(value);
			case "iexact" -> Pattern.compile("^" + Pattern.quote(wanted) + "$", insensitive).matcher(text).find();
			case "contains" -> text.contains(wanted);
			case "icontains" -> Pattern.compile(Pattern.quote(wanted), insensitive).matcher(text).find();
			case "startswith" -> text.startsWith(wanted);
			case "istartswith" -> Pattern.compile("^" + Pattern.quote(wanted), insensitive).matcher(text).find();
			case "endswith" -> text.endsWith(wanted);
			case "iendswith" -> Pattern.compile(Pattern.quote(wanted) + "$", insensitive).matcher(text).find();
			case "regex" -> Pattern.compile(wanted).matcher(text).find();
			case "iregex" -> Pattern.compile(wanted, insensitive).matcher(text).find();
			case "gt" -> ((Comparable) stored).compareTo(value) > 0;
			case "gte" -> ((Comparable) stored).compareTo(value) >= 0;
			case "lt" -> ((Comparable) stored).compareTo(value) < 0;
			case "lte" -> ((Comparable) stored).compareTo(value) <= 0;
			case "in" -> ((List<?>) value).stream().filter(Objects::nonNull).anyMatch(stored::equals);
			case "range" -> ((Comparable) stored).compareTo(((List<?>) value).get(0)) >= 0
					&& ((Comparable) stored).compareTo(((List<?>) value).get(1)) <= 0;
			default -> throw new IllegalArgumentException(lookup);
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static void assertSorted(List<Article> articles, String ordering, String description) {
		boolean descending = ordering.startsWith("-");
		Function<Article, @Nullable Object> read = SORTABLE.get(descending ? ordering.substring(1) : ordering);
		// MongoDB sorts null and missing first, ascending
		Comparator<Object> order = Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));
		List<Object> values = new ArrayList<>();
		for (Article article : articles) {
			values.add(read.apply(article));
		}
		List<Object> sorted = new ArrayList<>(values);
		sorted.sort(descending ? order.reversed() : order);
		assertThat(values).as(description).isEqualTo(sorted);
		assertThat(new HashSet<>(idsOf(articles))).hasSize(6);
	}

}
