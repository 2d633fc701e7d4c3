package io.djongo.spring.autoconfigure.jackson;

import java.util.List;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;
import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.jackson.Catalog.Genre;
import io.djongo.spring.autoconfigure.jackson.Catalog.Novel;
import io.djongo.spring.autoconfigure.jackson.Catalog.Writer;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lazy relations written by Spring Boot's auto-configured {@code JsonMapper}: ids until loaded, whole models once
 * loaded (by selectRelated, prefetchRelated or the application), never the proxy's internals.
 */
class DjongoJacksonModuleIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DjongoJacksonAutoConfiguration.class,
				DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DjongoDatabaseFactoryAutoConfiguration.class, DataMongoAutoConfiguration.class))
		.withPropertyValues("djongo.name=json");

	@Test
	void lazyRelationsAreWrittenAsTheirIdsWithoutLoadingThem() {
		run((context) -> {
			DjongoTemplate djongo = context.getBean(DjongoTemplate.class);
			Novel saved = novel(djongo, "Dune", "Frank", "sf", "classic");
			Novel lazy = djongo.objects(Novel.class).get("id", saved.getId());
			assertThat(lazy.getWriter()).isInstanceOf(LazyLoadingProxy.class);
			String json = context.getBean(JsonMapper.class).writeValueAsString(lazy);
			assertThat(JsonPath.<Integer>read(json, "$.writer")).isEqualTo(saved.getWriter().getId().intValue());
			assertThat(JsonPath.<List<Integer>>read(json, "$.genres")).containsExactly(
					saved.getGenres().get(0).getId().intValue(), saved.getGenres().get(1).getId().intValue());
			assertThat(json).doesNotContain("source").doesNotContain("target").doesNotContain("Frank");
			assertThat(LazyRelations.isResolved((LazyLoadingProxy) lazy.getWriter())).isFalse();
		});
	}

	@Test
	void relationsLoadedBySelectRelatedAndPrefetchRelatedAreWrittenWhole() {
		run((context) -> {
			DjongoTemplate djongo = context.getBean(DjongoTemplate.class);
			Novel saved = novel(djongo, "Emma", "Jane", "novel");
			Novel loaded = djongo.objects(Novel.class)
				.selectRelated("writer")
				.prefetchRelated("genres")
				.get("id", saved.getId());
			String json = context.getBean(JsonMapper.class).writeValueAsString(loaded);
			assertThat(JsonPath.<String>read(json, "$.writer.name")).isEqualTo("Jane");
			assertThat(JsonPath.<List<String>>read(json, "$.genres[*].name")).containsExactly("novel");
		});
	}

	@Test
	void aRelationTheApplicationLoadedIsWrittenWhole() {
		run((context) -> {
			DjongoTemplate djongo = context.getBean(DjongoTemplate.class);
			Novel saved = novel(djongo, "Walden", "Henry", "essay");
			Novel lazy = djongo.objects(Novel.class).get("id", saved.getId());
			assertThat(lazy.getWriter().getName()).isEqualTo("Henry");
			assertThat(lazy.getGenres()).hasSize(1);
			String json = context.getBean(JsonMapper.class).writeValueAsString(lazy);
			assertThat(JsonPath.<String>read(json, "$.writer.name")).isEqualTo("Henry");
			assertThat(JsonPath.<List<String>>read(json, "$.genres[*].name")).containsExactly("essay");
			assertThat(json).doesNotContain("source").doesNotContain("target");
		});
	}

	@Test
	void anEmptyManyToManyIsAnEmptyArray() {
		run((context) -> {
			DjongoTemplate djongo = context.getBean(DjongoTemplate.class);
			Novel saved = novel(djongo, "Untagged", "Anon");
			Novel lazy = djongo.objects(Novel.class).get("id", saved.getId());
			String json = context.getBean(JsonMapper.class).writeValueAsString(lazy);
			assertThat(JsonPath.<List<Object>>read(json, "$.genres")).isEmpty();
		});
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwnModule() {
		DjongoJacksonModule own = new DjongoJacksonModule();
		this.runner.withBean("ownModule", DjongoJacksonModule.class, () -> own)
			.run((context) -> assertThat(context).getBean(DjongoJacksonModule.class).isSameAs(own));
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DjongoJacksonModule.class);
			test.accept(context);
		});
	}

	private static Novel novel(DjongoTemplate djongo, String title, String writer, String... genres) {
		Writer saved = djongo.save(new Writer(writer));
		List<Genre> stored = java.util.Arrays.stream(genres).map((name) -> djongo.save(new Genre(name))).toList();
		return djongo.save(new Novel(title, saved, stored));
	}

}
