package io.djongo.spring.samples.blog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's bulk write over HTTP: {@code POST /api/tags/bulk} creates and renames tags in one bulk write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TagBulkHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DjongoTemplate djongo;

	@Test
	void createsAndRenamesTagsInOneBulkWrite() throws Exception {
		this.djongo.insert(new Tag("bulk-old"));
		HttpResponse<String> response = post("{\"create\": [\"bulk-a\", \"bulk-b\"], \"rename\": {\"bulk-old\": "
				+ "\"bulk-renamed\"}}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"inserted\":2", "\"matched\":1", "\"modified\":1", "\"errors\":[]");
		assertThat(this.djongo.objects(Tag.class).filter("name__startswith", "bulk-").valuesList("name", String.class)
			.list()).contains("bulk-a", "bulk-b", "bulk-renamed").doesNotContain("bulk-old");
	}

	@Test
	void anInvalidTagWritesNothing() throws Exception {
		long before = this.djongo.objects(Tag.class).count();
		HttpResponse<String> response = post("{\"create\": [\"bulk-valid\", \"\"]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("name");
		assertThat(this.djongo.objects(Tag.class).count()).isEqualTo(before);
	}

	@Test
	void aRenameIsALiteral() throws Exception {
		HttpResponse<String> response = post("{\"rename\": {\"{\\\"$ne\\\": null}\": \"everything\"}}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"matched\":0");
		assertThat(this.djongo.objects(Tag.class).filter("name", "everything").exists()).isFalse();
	}

	private HttpResponse<String> post(String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/tags/bulk"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
