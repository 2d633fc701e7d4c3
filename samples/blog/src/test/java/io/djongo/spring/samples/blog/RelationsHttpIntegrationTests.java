package io.djongo.spring.samples.blog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authors, posts and tags through relations, over HTTP: annotated counts, lookups across relations, related objects
 * in the listing, a cascading delete.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RelationsHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TagRepository tags;

	@Autowired
	PostRepository posts;

	@Test
	void authorsOrderedByTheirAnnotatedNumberOfPosts() throws Exception {
		HttpResponse<String> response = get("/api/authors?ordering=-numPosts");
		assertThat(response.statusCode()).isEqualTo(200);
		List<Integer> counts = JsonPath.read(response.body(), "$[*].numPosts");
		assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		assertThat(JsonPath.<List<Integer>>read(response.body(), "$[?(@.name == 'Ann')].numPosts")).containsExactly(2);
		assertThat(JsonPath.<List<Integer>>read(response.body(), "$[?(@.name == 'Bob')].numPosts")).containsExactly(1);
		HttpResponse<String> prolific = get("/api/authors?numPosts__gte=2&name=Ann");
		assertThat(JsonPath.<List<String>>read(prolific.body(), "$[*].name")).containsExactly("Ann");
		HttpResponse<String> djangoists = get("/api/authors?posts__title__icontains=django");
		assertThat(JsonPath.<List<String>>read(djangoists.body(), "$[*].name")).containsExactly("Ann");
	}

	@Test
	void postsFilteredAcrossRelationsCarryTheirAuthorAndTags() throws Exception {
		HttpResponse<String> response = get("/api/posts?author__name=Ann&ordering=publishedDate");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$[*].title")).containsExactly("Django on MongoDB",
				"Embedded documents");
		assertThat(JsonPath.<List<String>>read(response.body(), "$[*].author.name")).containsOnly("Ann");
		assertThat(JsonPath.<List<String>>read(response.body(), "$[0].tags[*].name")).containsExactly("django",
				"mongodb");
		HttpResponse<String> tagged = get("/api/posts?tags__name=spring");
		assertThat(JsonPath.<List<String>>read(tagged.body(), "$[*].title")).contains("Spring Data loves QuerySets")
			.doesNotContain("Django on MongoDB");
	}

	@Test
	void deletingAnAuthorDeletesTheirPosts() throws Exception {
		HttpResponse<String> author = post("/api/authors", "{\"name\":\"Carl Cascade\"}");
		assertThat(author.statusCode()).isEqualTo(201);
		int authorId = JsonPath.read(author.body(), "$.id");
		long tagId = this.tags.objects().get("name", "mongodb").getId();
		HttpResponse<String> created = post("/api/posts", "{\"title\":\"Carl's only post\",\"author\":{\"id\":"
				+ authorId + "},\"tags\":[{\"id\":" + tagId + "}]}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		Map<String, Object> fetched = JsonPath.read(get(location).body(), "$");
		assertThat(JsonPath.<String>read(fetched, "$.author.name")).isEqualTo("Carl Cascade");
		assertThat(JsonPath.<List<String>>read(fetched, "$.tags[*].name")).containsExactly("mongodb");

		HttpResponse<String> deleted = this.http.send(
				HttpRequest.newBuilder(uri("/api/authors/" + authorId)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(get(location).statusCode()).isEqualTo(404);
		assertThat(get("/api/posts?tags__name=mongodb").body()).contains("Django on MongoDB");
	}

	@Test
	void aPostReadByFindByIdShowsItsLazyAuthorAndTagsAsIds() throws Exception {
		Post post = this.posts.objects().filter("author__name", "Ann").filter("tags__name", "mongodb").first()
			.orElseThrow();
		Document stored = this.posts.mongoFindOne(Filters.eq("_id", post.getId())).orElseThrow();
		long ann = stored.get("author_id", Number.class).longValue();
		List<Long> tagIds = stored.getList("tags", Number.class).stream().map(Number::longValue).toList();
		HttpResponse<String> lazy = get("/api/posts/" + post.getId() + "?expand=false");
		assertThat(lazy.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Number>read(lazy.body(), "$.author").longValue()).isEqualTo(ann);
		assertThat(JsonPath.<List<Number>>read(lazy.body(), "$.tags")).extracting(Number::longValue)
			.containsExactlyElementsOf(tagIds);
		assertThat(lazy.body()).doesNotContain("source").doesNotContain("target");
		HttpResponse<String> expanded = get("/api/posts/" + post.getId());
		assertThat(JsonPath.<String>read(expanded.body(), "$.author.name")).isEqualTo("Ann");
		assertThat(JsonPath.<List<String>>read(expanded.body(), "$.tags[*].name")).contains("mongodb");
	}

	@Test
	void aPostForAnUnknownAuthorIsA400() throws Exception {
		HttpResponse<String> response = post("/api/posts", "{\"title\":\"Nobody's\",\"author\":{\"id\":987654}}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("No author with id 987654");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
