package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.autoconfigure.embedded.EmbeddedMongoServer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactoryBean;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own {@code @DataMongoTest} on an application with djongo repositories: djongo's auto-configuration
 * takes part in the slice (its {@code AutoConfigureDataMongo.imports}), so the repositories are djongo's (Boot's
 * Mongo repository scanning backs off instead of deriving a query from {@code objects()}), QuerySets work, and the
 * embedded server is there.
 */
@DataMongoTest(properties = "djongo.name=library_data_mongo_test")
class DataMongoTestIntegrationTests {

	@Autowired
	private BookRepository books;

	@Autowired
	private GenreRepository genres;

	@Autowired
	private MongoOperations operations;

	@Autowired
	private ApplicationContext context;

	@Test
	void repositoriesAreDjongosWithTheirQuerySets() {
		Genre essays = this.genres.save(new Genre("essays"));
		this.books.save(new Book("Walden", essays));
		assertThat(this.books.objects().filter("genre__name", "essays").list()).extracting(Book::getTitle)
			.containsExactly("Walden");
		assertThat(this.books.findByTitleContainingIgnoreCase("walD").count()).isEqualTo(1);
		assertThat(this.context.getBeansOfType(DjongoRepositoryFactoryBean.class)).hasSize(2);
	}

	@Test
	void theTemplateIsDjongosOnTheEmbeddedServer() {
		assertThat(this.operations).isInstanceOf(DjongoTemplate.class);
		assertThat(this.context.getBeanNamesForType(EmbeddedMongoServer.class)).hasSize(1);
	}

}
