package io.djongo.spring.core.repository.query;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactory;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which derived methods may return a QuerySet: finds do; count, exists and delete keep Spring Data's return types,
 * and declaring them as QuerySets fails when the repository is created, as does a misspelt property.
 */
class DerivedQuerySetReturnTypesIntegrationTests {

	private final DjongoTemplate template = DjongoTestConfiguration
		.template(TestMongo.uniqueDatabaseName("derivedtypes"));

	private final DjongoRepositoryFactory factory = new DjongoRepositoryFactory(this.template);

	@Test
	void countExistsAndDeleteWithTheirOwnReturnTypesKeepSpringDataBehaviour() {
		Articles articles = this.factory.getRepository(Articles.class);
		articles.insert(List.of(article(1, 1), article(2, 1), article(3, 2)));
		assertThat(articles.countByRating(1)).isEqualTo(2);
		assertThat(articles.existsByRating(2)).isTrue();
		assertThat(articles.deleteByRating(1)).isEqualTo(2);
		assertThat(articles.objects().valuesList("id", Long.class).list()).containsExactly(3L);
	}

	@Test
	void aDerivedQuerySetSendsNothingUntilEvaluated() {
		Articles articles = this.factory.getRepository(Articles.class);
		articles.insert(List.of(article(1, 1), article(2, 5)));
		TestClients.recorder().clear();
		QuerySet<Article> rated = articles.findByRatingGreaterThanEqual(2);
		assertThat(TestClients.recorder().count()).isZero();
		assertThat(rated.count()).isEqualTo(1);
		assertThat(rated.exists()).isTrue();
		assertThat(rated.update("rating", 4)).isEqualTo(1);
		assertThat(rated.delete().count()).isEqualTo(1);
		assertThat(TestClients.recorder().names()).hasSize(4);
	}

	@Test
	void countExistsAndDeleteCannotReturnAQuerySet() {
		for (Class<?> repository : List.of(CountingQuerySet.class, ExistsQuerySet.class, DeletingQuerySet.class)) {
			assertThatExceptionOfType(QueryCreationException.class)
				.isThrownBy(() -> this.factory.getRepository(repository))
				.withMessageContaining("returns a QuerySet, so it must be a find")
				.withMessageContaining("count, exists and delete are QuerySet methods");
		}
	}

	@Test
	void aQuerySetMethodCannotTakeAPageable() {
		assertThatExceptionOfType(QueryCreationException.class)
			.isThrownBy(() -> this.factory.getRepository(PagedQuerySet.class))
			.withMessageContaining("cannot take a Pageable; slice the QuerySet instead");
	}

	@Test
	void aMisspeltPropertyFailsWhenTheRepositoryIsCreated() {
		assertThatExceptionOfType(QueryCreationException.class)
			.isThrownBy(() -> this.factory.getRepository(MisspeltQuerySet.class))
			.withMessageContaining("titel");
	}

	static Article article(long id, int rating) {
		Article article = new Article();
		ReflectionTestUtils.setField(article, "id", id);
		ReflectionTestUtils.setField(article, "rating", rating);
		return article;
	}

	// @NoRepositoryBean keeps these out of the repository scans of other tests; the factory takes them all the same

	@NoRepositoryBean
	interface Articles extends DjongoRepository<Article, Long> {

		QuerySet<Article> findByRatingGreaterThanEqual(int rating);

		long countByRating(int rating);

		boolean existsByRating(int rating);

		long deleteByRating(int rating);

	}

	@NoRepositoryBean
	interface CountingQuerySet extends DjongoRepository<Article, Long> {

		QuerySet<Article> countByRating(int rating);

	}

	@NoRepositoryBean
	interface ExistsQuerySet extends DjongoRepository<Article, Long> {

		QuerySet<Article> existsByRating(int rating);

	}

	@NoRepositoryBean
	interface DeletingQuerySet extends DjongoRepository<Article, Long> {

		QuerySet<Article> deleteByRating(int rating);

	}

	@NoRepositoryBean
	interface PagedQuerySet extends DjongoRepository<Article, Long> {

		QuerySet<Article> findByRating(int rating, Pageable page);

	}

	@NoRepositoryBean
	interface MisspeltQuerySet extends DjongoRepository<Article, Long> {

		QuerySet<Article> findByTitel(String title);

	}

}
