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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djongo's validation of the seed's Entry over HTTP: the embedded blog, the array of blogs and the script-injection
 * validator answer 400 naming the field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EntryValidationHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	EntryRepository entries;

	@Test
	void anEntryWithoutItsBlogIsRefused() throws Exception {
		long before = this.entries.count();
		HttpResponse<String> response = post("{\"headline\":\"No blog\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"blog\"").contains("This field cannot be null.");
		assertThat(this.entries.count()).isEqualTo(before);
	}

	@Test
	void anEmptyBlogIsRefused() throws Exception {
		HttpResponse<String> response = post("{\"headline\":\"Empty blog\",\"blog\":{}}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"blog\"").contains("This field cannot be blank.");
	}

	@Test
	void aScriptInTheHeadlineIsRefusedByTheValidator() throws Exception {
		HttpResponse<String> response = post(
				"{\"headline\":\"<script>alert(1)</script>\",\"blog\":{\"name\":\"Djongo\"}}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"headline\"").contains("Script injection in");
	}

	@Test
	void invalidBlogsInTheArrayAreNamedByPosition() throws Exception {
		HttpResponse<String> response = post("{\"headline\":\"Array\",\"blog\":{\"name\":\"Djongo\"},"
				+ "\"blogs\":[{\"name\":\"fine\"},{\"name\":\"\",\"tagline\":\"<script>\"}]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"blogs[1].name\"").contains("\"field\":\"blogs[1].tagline\"");
	}

	private HttpResponse<String> post(String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/entries"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
