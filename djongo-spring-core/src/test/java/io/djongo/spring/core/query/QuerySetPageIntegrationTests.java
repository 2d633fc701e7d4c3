package io.djongo.spring.core.query;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code QuerySet.page(Pageable)}: Spring Data's {@link Page}, one command for the content and one count only when
 * the content does not tell the total, ordered by the Pageable's sort, else the QuerySet's or model's ordering, else
 * the primary key.
 */
class QuerySetPageIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("page");
	}

	@BeforeEach
	void clear() {
		this.commands.clear();
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	static List<Long> ids(Page<Article> page) {
		return page.getContent().stream().map((article) -> article.id).toList();
	}

	@Test
	void aMiddlePageIsOneFindAndOneCount() {
		// rated articles by views, descending: 1 (10), 4 (7), 5 (4), 2 (3), 6 (2)
		Page<Article> page = articles().filter("rating__isnull", false)
			.page(PageRequest.of(1, 2, Sort.by(Direction.DESC, "views")));
		assertThat(ids(page)).containsExactly(5L, 2L);
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.getTotalPages()).isEqualTo(3);
		assertThat(page.getNumber()).isEqualTo(1);
		assertThat(page.getSort()).isEqualTo(Sort.by(Direction.DESC, "views"));
		assertThat(this.commands.names()).containsExactly("find", "aggregate");
		BsonDocument find = this.commands.commands().get(0);
		assertThat(find.getDocument("sort")).isEqualTo(new BsonDocument("views", new BsonInt32(-1)));
		assertThat(find.getNumber("skip").intValue()).isEqualTo(2);
		assertThat(find.getNumber("limit").intValue()).isEqualTo(2);
		assertThat(this.commands.commands().get(1).toJson()).contains("$group").doesNotContain("$sort");
	}

	@Test
	void aPageThatTellsTheTotalSendsNoCount() {
		Page<Article> last = articles().filter("rating__isnull", false)
			.page(PageRequest.of(2, 2, Sort.by(Direction.DESC, "views")));
		assertThat(ids(last)).containsExactly(6L);
		assertThat(last.getTotalElements()).isEqualTo(5);
		assertThat(last.isLast()).isTrue();
		Page<Article> all = articles().page(PageRequest.of(0, 10));
		assertThat(all.getTotalElements()).isEqualTo(6);
		assertThat(this.commands.names()).containsExactly("find", "find");
	}

	@Test
	void withoutASortThePageKeepsTheQuerySetsOrdering() {
		Page<Article> page = articles().orderBy("-rating", "id").page(PageRequest.of(0, 3));
		assertThat(ids(page)).containsExactly(2L, 5L, 1L);
		assertThat(page.getTotalElements()).isEqualTo(6);
		assertThat(this.commands.commands().get(0).getDocument("sort"))
			.isEqualTo(BsonDocument.parse("{rating: -1, _id: 1}"));
	}

	@Test
	void anUnorderedQuerySetIsPagedByPrimaryKeySoPagesNeverOverlap() {
		assertThat(ids(articles().page(PageRequest.of(0, 4)))).containsExactly(1L, 2L, 3L, 4L);
		assertThat(ids(articles().page(PageRequest.of(1, 4)))).containsExactly(5L, 6L);
		assertThat(this.commands.commands().get(0).getDocument("sort")).isEqualTo(BsonDocument.parse("{_id: 1}"));
	}

	@Test
	void theModelsOrderingIsTheDefault() {
		DjongoTemplate notes = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("page_notes"));
		notes.insertAll(List.of(new OrderedNote(1L, "b"), new OrderedNote(2L, "c"), new OrderedNote(3L, "a")));
		assertThat(notes.objects(OrderedNote.class).isOrdered()).isTrue();
		assertThat(notes.objects(OrderedNote.class).orderBy().isOrdered()).isFalse();
		assertThat(articles().isOrdered()).isFalse();
		assertThat(articles().orderBy("title").isOrdered()).isTrue();
		Page<OrderedNote> page = notes.objects(OrderedNote.class).page(PageRequest.of(0, 2));
		assertThat(page.getContent()).extracting((note) -> note.text).containsExactly("a", "c");
		assertThat(notes.objects(OrderedNote.class).page(PageRequest.of(0, 2, Sort.by("text"))).getContent())
			.extracting((note) -> note.text)
			.containsExactly("a", "b");
	}

	@Test
	void anUnpagedPageableListsEverythingInOneCommand() {
		Page<Article> page = articles().page(Pageable.unpaged(Sort.by(Direction.DESC, "id")));
		assertThat(ids(page)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
		assertThat(page.getTotalElements()).isEqualTo(6);
		assertThat(this.commands.names()).containsExactly("find");
	}

	@Test
	void propertyPathsAreDjangoLookups() {
		Page<Article> page = articles().page(PageRequest.of(0, 2, Sort.by(Direction.DESC, "blog.name")));
		assertThat(ids(page)).containsExactly(2L, 1L);
		assertThat(this.commands.commands().get(0).getDocument("sort"))
			.isEqualTo(BsonDocument.parse("{'blog.name': -1}"));
	}

	@Test
	void aSlicedQuerySetIsPagedWithinItsSlice() {
		Page<Article> page = articles().orderBy("id").slice(1, 5).page(PageRequest.of(1, 2));
		assertThat(ids(page)).containsExactly(4L, 5L);
		assertThat(page.getTotalElements()).isEqualTo(4);
	}

	@Test
	void valuesArePagedToo() {
		Page<Map<String, Object>> page = articles().orderBy("id").values("title").page(PageRequest.of(0, 2));
		assertThat(page.getContent()).containsExactly(Map.of("title", "Django on MongoDB"), Map.of("title", "Spring data"));
	}

	@Test
	void sortsMongoDbCannotHonourAreRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().page(PageRequest.of(0, 2, Sort.by(Sort.Order.asc("title").ignoreCase()))))
			.withMessageContaining("ignoring case");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> articles().page(PageRequest.of(0, 2, Sort.by(Sort.Order.asc("rating").nullsLast()))))
			.withMessageContaining("MongoDB sorts nulls first ascending");
		assertThat(ids(articles().filter("id__lte", 4)
			.page(PageRequest.of(0, 5, Sort.by(Sort.Order.asc("rating").nullsFirst()))))).containsExactly(3L, 4L, 1L, 2L);
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> articles().page(PageRequest.of(0, 2, Sort.by("ratting"))))
			.withMessageContaining("Cannot resolve keyword 'ratting'");
		assertThat(this.commands.names()).containsExactly("find");
	}

}
