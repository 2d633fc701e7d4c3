package io.djongo.spring.samples.blog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample on the embedded server and talks to it over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BlogApplicationHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate template;

	@Test
	void listsSeededPostsNewestFirst() throws Exception {
		HttpResponse<String> response = get("/api/posts");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
		assertThat(response.body().indexOf("Embedded documents"))
			.isLessThan(response.body().indexOf("Django on MongoDB"));
	}

	@Test
	void createsAPostWithAnAutoIncrementIdAndFetchesIt() throws Exception {
		HttpResponse<String> created = post("/api/posts",
				"{\"title\":\"Hello over HTTP\",\"body\":\"b\",\"publishedDate\":\"2025-05-05T00:00:00Z\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/api/posts/\\d+");

		HttpResponse<String> fetched = get(location);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).contains("\"title\":\"Hello over HTTP\"");
	}

	@Test
	void rejectsABlankTitleWithA400NamingTheField() throws Exception {
		HttpResponse<String> response = post("/api/posts", "{\"title\":\"  \",\"body\":\"b\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"title\"");
	}

	@Test
	void unknownPostIsA404() throws Exception {
		assertThat(get("/api/posts/987654").statusCode()).isEqualTo(404);
	}

	@Test
	void createsAndFetchesAnEntry() throws Exception {
		HttpResponse<String> created = post("/api/entries",
				"{\"headline\":\"Over HTTP\",\"blog\":{\"name\":\"Djongo\"},\"blogs\":[{\"name\":\"b\"}]}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> fetched = get(location);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).contains("\"headline\":\"Over HTTP\"").contains("\"blog\":{\"name\":\"Djongo\"");
		assertThat(get("/api/entries").body()).contains("The Beatles Blog");
	}

	@Test
	void rejectsAnEntryWithoutHeadline() throws Exception {
		HttpResponse<String> response = post("/api/entries", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"headline\"");
	}

	@Test
	void healthReportsMongoUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"database\":\"blog\"");
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
