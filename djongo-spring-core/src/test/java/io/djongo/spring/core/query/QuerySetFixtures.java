package io.djongo.spring.core.query;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;

/**
 * Six articles covering every lookup's edge: nulls, Unicode, regex metacharacters, week boundaries, dates before
 * 1970, embedded documents and lists.
 */
final class QuerySetFixtures {

	private QuerySetFixtures() {
	}

	static DjongoTemplate articles(String name) {
		return articles(name, DjongoOptions.defaults());
	}

	static DjongoTemplate articles(String name, DjongoOptions options) {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), options);
		template.insertAll(List.of(
				// Friday, ISO week 9
				new Article(1, "Django on MongoDB").rating(3)
					.views(10)
					.published("2024-03-01T10:00:00Z")
					.body("Über alles")
					.tags("python", "django")
					.blog(new Blog("Beatles", 5))
					.blogs(new Blog("pop", 4), new Blog("rock", 2))
					.status(Article.Status.PUBLISHED)
					.price("19.99")
					.meta(Map.of("color", "red", "size", 3))
					.day("2024-03-01"),
				// Saturday, ISO week 24
				new Article(2, "Spring data").rating(5)
					.views(3)
					.published("2024-06-15T08:30:00Z")
					.body("ÉCOLE")
					.tags("java", "spring")
					.blog(new Blog("Stones", 3))
					.blogs(new Blog("polo", 1))
					.status(Article.Status.DRAFT)
					.price("5.00")
					.meta(Map.of("color", "blue")),
				// Monday, ISO week 4
				new Article(3, "Unrated").views(0).published("2025-01-20T17:45:00Z").body("Straße"),
				// Sunday, ISO week 52 of 2023, a quarter of a second before midnight
				new Article(4, "a.b*c (literal)").rating(1).views(7).published("2023-12-31T23:59:59.250Z").body("   spaced  "),
				// Sunday, ISO week 53 of ISO year 2020
				new Article(5, "$where").rating(4).views(4).published("2021-01-03T00:00:00Z"),
				// Wednesday before the epoch, ISO week 1 of ISO year 1970
				new Article(6, "Early").rating(2).views(2).published("1969-12-31T23:00:00Z")));
		return template;
	}

}
