package io.djongo.spring.samples.blog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djongo's seed example over HTTP: {@code GET /api/entries/by-headline/{headline}} runs {@code mongoAggregate}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MongoBridgeHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	EntryRepository entries;

	@BeforeEach
	void rawEntries() {
		this.entries.mongoDeleteMany(Filters.regex("headline", "^bridge "));
		this.entries.mongoInsertOne(new Document("headline", "bridge one"));
		this.entries.mongoInsertOne(new Document("headline", "bridge one"));
		this.entries.mongoInsertOne(new Document("headline", "bridge two"));
	}

	@Test
	void aggregateViewReturnsTheEntriesWithTheHeadline() throws Exception {
		HttpResponse<String> response = get("/api/entries/by-headline/" + encode("bridge one"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(StringUtils.countOccurrencesOf(response.body(), "\"headline\":\"bridge one\"")).isEqualTo(2);
		assertThat(response.body()).doesNotContain("bridge two");
	}

	@Test
	void aggregateViewTreatsTheHeadlineAsALiteral() throws Exception {
		HttpResponse<String> response = get("/api/entries/by-headline/" + encode("{\"$ne\": null}"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[]");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
