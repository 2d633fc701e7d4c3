package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.relation.ProtectedException;
import io.djongo.spring.test.autoconfigure.DjongoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @DjongoTest} as an application's test uses it: repositories, QuerySets, relations and an imported service
 * on the embedded server, other components left out, and an empty database before each test. The methods run in
 * order, so that a later one sees what an earlier one left (nothing).
 */
@DjongoTest
@Import(Catalogue.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DjongoTestIntegrationTests {

	@Autowired
	private GenreRepository genres;

	@Autowired
	private BookRepository books;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private ApplicationContext context;

	private long genresBefore;

	@BeforeEach
	void countWhatTheTestStartsWith() {
		this.genresBefore = this.genres.count();
	}

	@Test
	@Order(1)
	void repositoriesQuerySetsAndRelationsWork() {
		this.catalogue.add("Dune", "science fiction");
		this.catalogue.add("Hyperion", "science fiction");
		this.catalogue.add("Emma", "novel");
		assertThat(this.books.findByTitleContainingIgnoreCase("DUNE").list()).extracting(Book::getTitle)
			.containsExactly("Dune");
		assertThat(this.catalogue.booksOf("science fiction")).isEqualTo(2);
		Genre novel = this.genres.objects().get("name", "novel");
		assertThatExceptionOfType(ProtectedException.class).isThrownBy(() -> this.genres.delete(novel));
	}

	@Test
	@Order(2)
	void eachTestStartsOnAnEmptyDatabase() {
		assertThat(this.genresBefore).isZero();
		assertThat(this.books.count()).isZero();
	}

	@Test
	@Order(3)
	void indexesAndIdCountersOutliveTheEmptying() {
		Genre poetry = this.genres.save(new Genre("poetry"));
		assertThat(poetry.getId()).as("ids are never reused: three genres had ids before").isGreaterThan(2L);
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.genres.save(new Genre("poetry")));
	}

	@Test
	void importedBeansAreThereAndOtherComponentsAreNot() {
		assertThat(this.context.getBeanNamesForType(Catalogue.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(SeedData.class)).isEmpty();
		assertThat(this.context.getBean("mongoTemplate")).isInstanceOf(DjongoTemplate.class);
	}

	@Test
	void runsOnTheEmbeddedServer() {
		assertThat(this.context.getBeanNamesForType(EmbeddedMongoServer.class)).hasSize(1);
		assertThat(this.context.getBean(DjongoTemplate.class).getDb().getName()).isEqualTo("library");
	}

}
