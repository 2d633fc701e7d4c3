package io.djongo.spring.autoconfigure.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djongo's exceptions over real HTTP, as RFC 9457 problem details: status, {@code application/problem+json}, title,
 * detail, instance and djongo's members ({@code errors}, {@code model}, {@code protectedBy}, {@code failures}).
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "djongo.name=shop_problems", "spring.data.mongodb.auto-index-creation=true" })
class DjongoProblemDetailsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void anInvalidModelIsA400ListingEveryFieldAtFault() throws Exception {
		HttpResponse<String> response = send("POST", "/suppliers", "{\"name\":\"  \",\"email\":\"\"}");
		assertProblem(response, 400, "Invalid model", "/suppliers");
		List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
		assertThat(errors).extracting((error) -> error.get("field")).containsExactlyInAnyOrder("name", "email");
		assertThat(errors).allSatisfy((error) -> assertThat(error.get("message")).asString().isNotBlank());
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).isEqualTo("2 fields are invalid; nothing was written.");
	}

	@Test
	void anUnknownFieldInALookupIsA400NamingTheParameter() throws Exception {
		HttpResponse<String> response = send("GET", "/suppliers?nmae__icontains=x", null);
		assertProblem(response, 400, "Invalid lookup", "/suppliers");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter")).isEqualTo("nmae__icontains");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("Cannot resolve keyword 'nmae'");
	}

	@Test
	void aValueThatDoesNotFitIsA400NamingTheParameter() throws Exception {
		HttpResponse<String> response = send("GET", "/suppliers?name=a&id__gt=many", null);
		assertProblem(response, 400, "Invalid lookup", "/suppliers");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter")).isEqualTo("id__gt");
	}

	@Test
	void aMissingModelIsA404NamingTheModel() throws Exception {
		HttpResponse<String> response = send("GET", "/suppliers/987654", null);
		assertProblem(response, 404, "Not found", "/suppliers/987654");
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).isEqualTo("Supplier matching query does not exist.");
		assertThat(JsonPath.<String>read(response.body(), "$.model")).isEqualTo("Supplier");
	}

	@Test
	void deletingAProtectedModelIsA409NamingWhatProtectsIt() throws Exception {
		String supplier = id(send("POST", "/suppliers", "{\"name\":\"Acme\",\"email\":\"acme@example.com\"}"));
		String product = send("POST", "/suppliers/" + supplier + "/products?title=Anvil", null).body();
		HttpResponse<String> response = send("DELETE", "/suppliers/" + supplier, null);
		assertProblem(response, 409, "Protected", "/suppliers/" + supplier);
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("Product.supplier");
		assertThat(JsonPath.<List<Map<String, Object>>>read(response.body(), "$.protectedBy"))
			.containsExactly(Map.of("model", "Product", "id", Integer.valueOf(product)));
		assertThat(send("GET", "/suppliers/" + supplier, null).statusCode()).isEqualTo(200);
	}

	@Test
	void deletingARestrictedModelIsA409NamingWhatRestrictsIt() throws Exception {
		String supplier = id(send("POST", "/suppliers", "{\"name\":\"Bolt\",\"email\":\"bolt@example.com\"}"));
		String product = send("POST", "/suppliers/" + supplier + "/products?title=Nut", null).body();
		String review = send("POST", "/suppliers/products/" + product + "/reviews", null).body();
		HttpResponse<String> response = send("DELETE", "/suppliers/products/" + product, null);
		assertProblem(response, 409, "Restricted", "/suppliers/products/" + product);
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("Review.product");
		assertThat(JsonPath.<List<Map<String, Object>>>read(response.body(), "$.restrictedBy"))
			.containsExactly(Map.of("model", "Review", "id", Integer.valueOf(review)));
	}

	@Test
	void aDuplicateKeyIsA409NamingTheIndexNotTheValue() throws Exception {
		String body = "{\"name\":\"Twin\",\"email\":\"twin@example.com\"}";
		assertThat(send("POST", "/suppliers", body).statusCode()).isEqualTo(200);
		HttpResponse<String> response = send("POST", "/suppliers", body);
		assertProblem(response, 409, "Duplicate key", "/suppliers");
		assertThat(JsonPath.<String>read(response.body(), "$.index")).contains("email");
		assertThat(response.body()).doesNotContain("twin@example.com").doesNotContain("shop_problems");
	}

	@Test
	void aBulkCreateRefusedInPartIsA409WithEachRefusedPosition() throws Exception {
		HttpResponse<String> response = send("POST", "/suppliers/bulk", "[{\"name\":\"One\",\"email\":\"one@example.com\"},"
				+ "{\"name\":\"Two\",\"email\":\"one@example.com\"},{\"name\":\"Three\",\"email\":\"three@example.com\"}]");
		assertProblem(response, 409, "Duplicate key", "/suppliers/bulk");
		assertThat(JsonPath.<List<Map<String, Object>>>read(response.body(), "$.failures"))
			.containsExactly(Map.of("index", 1, "code", 11000));
		assertThat(JsonPath.<Integer>read(response.body(), "$.written")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(response.body(), "$.notAttempted")).isEqualTo(1);
		assertThat(response.body()).doesNotContain("one@example.com");
	}

	@Test
	void theHandlerIsAutoConfigured() {
		assertThat(this.context.getBeansOfType(DjongoProblemDetailsExceptionHandler.class)).hasSize(1);
	}

	private void assertProblem(HttpResponse<String> response, int status, String title, String instance) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo(title);
		assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo(instance);
	}

	private static String id(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		return String.valueOf(JsonPath.<Object>read(created.body(), "$.id"));
	}

	private HttpResponse<String> send(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
