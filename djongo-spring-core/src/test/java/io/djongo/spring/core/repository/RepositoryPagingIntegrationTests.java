package io.djongo.spring.core.repository;

import java.util.List;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository's {@code findAll(Pageable)} and {@code findAll(Sort)} honour the model's {@code @Model(ordering)} when
 * no sort is given, as its QuerySets do (Spring Data's own ignore it).
 */
@SpringJUnitConfig
class RepositoryPagingIntegrationTests {

	@Autowired
	ChapterRepository chapters;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeEach
	void chapters() {
		this.chapters.deleteAll();
		this.chapters.saveAll(List.of(new Chapter("b", 2), new Chapter("d", 4), new Chapter("a", 1),
				new Chapter("c", 3), new Chapter("e", 5)));
		this.commands.clear();
	}

	static List<String> titles(Iterable<Chapter> chapters) {
		List<String> titles = new java.util.ArrayList<>();
		chapters.forEach((chapter) -> titles.add(chapter.title));
		return titles;
	}

	@Test
	void findAllOfAPageableWithoutSortFollowsTheModelsOrdering() {
		Page<Chapter> page = this.chapters.findAll(PageRequest.of(0, 2));
		assertThat(titles(page)).containsExactly("e", "d");
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(titles(this.chapters.findAll(PageRequest.of(2, 2)))).containsExactly("a");
		assertThat(this.commands.names()).containsExactly("find", "aggregate", "find");
	}

	@Test
	void findAllOfAPageableWithASortFollowsTheSort() {
		assertThat(titles(this.chapters.findAll(PageRequest.of(1, 2, Sort.by("title"))))).containsExactly("c", "d");
		assertThat(titles(this.chapters.findAll(Pageable.unpaged()))).containsExactly("e", "d", "c", "b", "a");
	}

	@Test
	void findAllOfASortFollowsTheSortElseTheModelsOrdering() {
		assertThat(titles(this.chapters.findAll(Sort.unsorted()))).containsExactly("e", "d", "c", "b", "a");
		assertThat(titles(this.chapters.findAll(Sort.by("title")))).containsExactly("a", "b", "c", "d", "e");
		List<Chapter> all = this.chapters.findAll(Sort.unsorted());
		all.add(new Chapter("f", 6));
		assertThat(all).as("a modifiable list, as Spring Data returns").hasSize(6);
		assertThat(this.commands.names()).containsExactly("find", "find", "find");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

	interface ChapterRepository extends DjongoRepository<Chapter, Long> {

	}

	@Document("paged_chapter")
	@Model(ordering = "-rank")
	static class Chapter {

		@Id
		@Nullable Long id;

		String title;

		int rank;

		Chapter(String title, int rank) {
			this.title = title;
			this.rank = rank;
		}

	}

}
