package io.djongo.spring.core.repository;

import java.time.Instant;
import java.util.List;

import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived query methods declared to return {@code QuerySet<T>} are lazy QuerySets; other return types keep Spring
 * Data's behaviour.
 */
@SpringJUnitConfig
class DerivedQuerySetIntegrationTests {

	@Autowired
	ArticleRepository articles;

	@BeforeEach
	void data() {
		this.articles.deleteAll();
		this.articles.insert(List.of(article(1, "Django on MongoDB", 3, "2024-03-01T10:00:00Z", "python", "django"),
				article(2, "Spring Data loves django", 5, "2024-06-15T08:30:00Z", "java"),
				article(3, "Unrated", null, "2025-01-20T17:45:00Z"),
				article(4, "Between", 4, "2023-01-01T00:00:00Z", "java")));
		TestClients.recorder().clear();
	}

	static Article article(long id, String title, Integer rating, String published, String... tags) {
		Article article = new Article();
		setField(article, "id", id);
		setField(article, "title", title);
		setField(article, "rating", rating);
		setField(article, "publishedDate", Instant.parse(published));
		setField(article, "tags", new java.util.ArrayList<>(List.of(tags)));
		return article;
	}

	static void setField(Object target, String name, Object value) {
		java.lang.reflect.Field field = org.springframework.util.ReflectionUtils.findField(target.getClass(), name);
		org.springframework.util.ReflectionUtils.makeAccessible(field);
		org.springframework.util.ReflectionUtils.setField(field, target, value);
	}

	static List<Long> ids(QuerySet<Article> qs) {
		return qs.valuesList("id", Long.class).list();
	}

	@Test
	void aDerivedQuerySetIsLazyAndChainable() {
		QuerySet<Article> qs = this.articles.findByTitleContainingIgnoreCase("DJANGO");
		assertThat(TestClients.recorder().count()).isZero();
		assertThat(ids(qs.orderBy("-rating"))).containsExactly(2L, 1L);
		assertThat(ids(qs.filter("rating__lt", 5))).containsExactly(1L);
		assertThat(TestClients.recorder().names()).containsExactly("find", "find");
	}

	@Test
	void combinesPartsAndOrdering() {
		assertThat(ids(this.articles.findByTitleContainingIgnoreCaseAndPublishedDateAfterOrderByPublishedDateDesc(
				"django", Instant.parse("2024-01-01T00:00:00Z")))).containsExactly(2L, 1L);
		assertThat(ids(this.articles.findByRatingIsNullOrRatingGreaterThan(4))).containsExactlyInAnyOrder(2L, 3L);
		assertThat(ids(this.articles.findTop2ByRatingNotNull(Sort.by("rating")))).containsExactly(1L, 4L);
		assertThat(ids(this.articles.findByTagsContaining("java"))).containsExactlyInAnyOrder(2L, 4L);
		assertThat(ids(this.articles.findByRatingBetween(3, 5))).containsExactly(4L);
		assertThat(ids(this.articles.findByTitleStartingWith("Dj"))).containsExactly(1L);
	}

	@Test
	void otherReturnTypesKeepSpringDataBehaviour() {
		assertThat(this.articles.findByRatingGreaterThan(3)).extracting("id").containsExactlyInAnyOrder(2L, 4L);
		assertThat(this.articles.countByRatingGreaterThan(3)).isEqualTo(2);
		assertThat(this.articles.existsByTitle("Unrated")).isTrue();
	}

	interface ArticleRepository extends DjongoRepository<Article, Long> {

		QuerySet<Article> findByTitleContainingIgnoreCase(String text);

		QuerySet<Article> findByTitleContainingIgnoreCaseAndPublishedDateAfterOrderByPublishedDateDesc(String text,
				Instant after);

		QuerySet<Article> findByRatingIsNullOrRatingGreaterThan(int rating);

		QuerySet<Article> findTop2ByRatingNotNull(Sort sort);

		QuerySet<Article> findByTagsContaining(String tag);

		QuerySet<Article> findByRatingBetween(int from, int to);

		QuerySet<Article> findByTitleStartingWith(String prefix);

		List<Article> findByRatingGreaterThan(int rating);

		long countByRatingGreaterThan(int rating);

		boolean existsByTitle(String title);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true, basePackageClasses = DerivedQuerySetIntegrationTests.class)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

}
