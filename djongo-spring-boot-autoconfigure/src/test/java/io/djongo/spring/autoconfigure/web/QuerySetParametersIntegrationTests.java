package io.djongo.spring.autoconfigure.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.djongo.spring.autoconfigure.web.ShopApplication.Product;
import io.djongo.spring.autoconfigure.web.ShopApplication.Review;
import io.djongo.spring.autoconfigure.web.ShopApplication.Supplier;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @QuerySetParameters} over real HTTP: request parameters as lookups, ordering and pages for the allow-lists
 * of each endpoint, values converted to the fields' types, and 400 problem details naming what was refused.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "djongo.name=shop_parameters")
class QuerySetParametersIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private DjongoTemplate djongo;

	@BeforeEach
	void catalogue() {
		if (this.djongo.objects(Product.class).exists()) {
			return;
		}
		Supplier acme = supplier("Acme");
		Supplier bolt = supplier("Bolt");
		Product anvil = product("Anvil", "100.00", 3, "2024-03-01T10:00:00Z", acme);
		product("Banana", "0.50", 40, "2023-06-01T10:00:00Z", acme);
		product("Candle", "5.25", 0, null, bolt);
		product("Dynamite", "12.00", 7, "2024-11-11T10:00:00Z", bolt);
		Product eraser = product("Eraser", "1.00", 3, "2025-01-01T10:00:00Z", acme);
		for (Product reviewed : List.of(anvil, anvil, eraser)) {
			Review review = new Review();
			review.product = reviewed;
			this.djongo.save(review);
		}
	}

	private Supplier supplier(String name) {
		Supplier supplier = new Supplier();
		supplier.setName(name);
		supplier.setEmail(name.toLowerCase() + "@example.com");
		return this.djongo.save(supplier);
	}

	private Product product(String title, String price, int stock, @Nullable String released, Supplier supplier) {
		Product product = new Product();
		product.title = title;
		product.price = new BigDecimal(price);
		product.stock = stock;
		product.released = (released != null) ? Instant.parse(released) : null;
		product.supplier = supplier;
		return this.djongo.save(product);
	}

	@Test
	void lookupsOrderingAndPageBecomeTheQuerySet() throws Exception {
		assertThat(titles("")).containsExactly("Anvil", "Banana", "Candle", "Dynamite", "Eraser");
		assertThat(titles("title__icontains=AN&ordering=-price")).containsExactly("Anvil", "Candle", "Banana");
		assertThat(titles("ordering=stock,title&size=2&page=1")).containsExactly("Eraser", "Dynamite");
		assertThat(titles("ordering=stock,title&size=2&page=2")).containsExactly("Banana");
		assertThat(titles("supplier__name=Bolt")).containsExactly("Candle", "Dynamite");
	}

	@Test
	void valuesAreConvertedToTheFieldsTypes() throws Exception {
		assertThat(titles("price__gte=5")).containsExactly("Anvil", "Candle", "Dynamite");
		assertThat(titles("price__lt=1.5")).containsExactly("Banana", "Eraser");
		assertThat(titles("stock__in=3,0")).containsExactly("Anvil", "Candle", "Eraser");
		assertThat(titles("stock__range=1,10")).containsExactly("Anvil", "Dynamite", "Eraser");
		assertThat(titles("stock=3")).containsExactly("Anvil", "Eraser");
		assertThat(titles("released__year=2024")).containsExactly("Anvil", "Dynamite");
		assertThat(titles("released__isnull=true")).containsExactly("Candle");
		assertThat(titles("title=&stock__in=")).as("empty values are ignored, as django-filter ignores them")
			.hasSize(5);
	}

	@Test
	void aValueIsALiteralNeverAnOperatorOrAPattern() throws Exception {
		assertThat(titles("title=%7B%22%24gt%22%3A%22%22%7D")).isEmpty();
		assertThat(titles("title__icontains=.*")).isEmpty();
	}

	@Test
	void aParameterOutsideTheAllowListIsA400NamingItAndWhatIsAllowed() throws Exception {
		for (String parameter : List.of("titel", "title__regex", "price", "sort", "supplier__email")) {
			HttpResponse<String> response = get("/products?" + parameter + "=x");
			Map<String, Object> error = invalid(response, parameter);
			assertThat(error.get("message")).isEqualTo("Unknown or disallowed query parameter '" + parameter + "'");
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[0].allowed")).contains("title",
					"title__icontains", "price__gte", "ordering", "page", "size")
				.doesNotContain("price", "title__regex", "sort");
		}
	}

	@Test
	void anOrderingOutsideTheAllowListIsA400NamingTheAllowedOnes() throws Exception {
		HttpResponse<String> response = get("/products?ordering=-title,released");
		assertThat(invalid(response, "ordering").get("message")).isEqualTo("Cannot order by 'released'");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[0].allowed"))
			.containsExactly("-price", "-stock", "-title", "price", "stock", "title");
		assertThat(titles("ordering=")).as("an empty ordering is the default").startsWith("Anvil", "Banana");
	}

	@Test
	void aBadPageOrSizeIsA400NamingIt() throws Exception {
		for (String query : List.of("page=-1", "page=x", "size=0", "size=2001", "size=abc", "size=1&size=2",
				"page=2147483647&size=2")) {
			invalid(get("/products?" + query), query.split("=")[0]);
		}
		assertThat(invalid(get("/products?size=2001"), "size").get("message"))
			.isEqualTo("size must be a whole number from 1 to 2000, not '2001'");
	}

	@Test
	void aValueThatDoesNotFitItsFieldIsA400NamingTheParameter() throws Exception {
		assertThat(invalid(get("/products?stock=1.5"), "stock").get("message")).asString()
			.contains("Product.stock expected a Integer but got '1.5' (String)");
		assertThat(invalid(get("/products?stock=3000000000"), "stock").get("message")).asString()
			.contains("Product.stock");
		assertThat(invalid(get("/products?stock__in=3,x"), "stock__in").get("message")).asString()
			.contains("Product.stock__in");
		assertThat(invalid(get("/products?released__year=abc"), "released__year").get("message")).asString()
			.contains("Product.released__year");
		assertThat(invalid(get("/products?stock__range=1"), "stock__range").get("message")).asString()
			.contains("range needs exactly two");
		assertThat(invalid(get("/products?released__isnull=maybe"), "released__isnull").get("message")).asString()
			.contains("true or false");
	}

	@Test
	void aPageParameterIsThePageWithItsTotals() throws Exception {
		HttpResponse<String> response = get("/products/page?size=2&page=1&ordering=title");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.content")).containsExactly("Candle", "Dynamite");
		assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.page")).containsEntry("size", 2)
			.containsEntry("number", 1)
			.containsEntry("totalElements", 5)
			.containsEntry("totalPages", 3);
		HttpResponse<String> defaults = get("/products/page");
		assertThat(JsonPath.<List<String>>read(defaults.body(), "$.content")).as("@PageableDefault(size = 3), by pk")
			.containsExactly("Anvil", "Banana", "Candle");
		HttpResponse<String> filtered = get("/products/page?title__icontains=an&stock__gte=1");
		assertThat(JsonPath.<List<String>>read(filtered.body(), "$.content")).containsExactly("Anvil", "Banana");
		assertThat(JsonPath.<Integer>read(filtered.body(), "$.page.totalElements")).isEqualTo(2);
		invalid(get("/products/page?price__gte=1"), "price__gte");
	}

	@Test
	void aQuerySetRequestAppliesToTheControllersOwnQuerySetAndLeavesItsOwnParametersAlone() throws Exception {
		assertThat(strings(get("/products/of?supplier=Acme"))).containsExactly("Anvil:2", "Banana:0", "Eraser:1");
		assertThat(strings(get("/products/of?supplier=Acme&ordering=-numReviews")))
			.containsExactly("Anvil:2", "Eraser:1", "Banana:0");
		assertThat(strings(get("/products/of?supplier=Acme&numReviews__gte=1"))).containsExactly("Anvil:2", "Eraser:1");
		assertThat(strings(get("/products/of?supplier=Acme&size=1&page=2"))).containsExactly("Eraser:1");
		invalid(get("/products/of?supplier=Acme&title=Anvil"), "title");
	}

	@Test
	void anAllowListTheModelCannotHonourIsTheApplicationsError() throws Exception {
		assertThat(get("/products/misconfigured").statusCode()).isEqualTo(200);
		assertThat(get("/products/misconfigured?titel=x").statusCode()).isEqualTo(500);
	}

	@Test
	void getFindingSeveralObjectsIsA500NamingTheModel() throws Exception {
		HttpResponse<String> response = get("/suppliers/named?prefix=");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Multiple objects returned");
		assertThat(JsonPath.<String>read(response.body(), "$.model")).isEqualTo("Supplier");
		assertThat(JsonPath.<String>read(response.body(), "$.detail"))
			.isEqualTo("get() returned more than one Supplier -- it returned 2!");
		assertThat(get("/suppliers/named?prefix=Bo").statusCode()).isEqualTo(200);
	}

	/** The 400 problem's one error, which names the parameter. */
	private static Map<String, Object> invalid(HttpResponse<String> response, String parameter) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Invalid query parameter");
		Map<String, Object> error = JsonPath.read(response.body(), "$.errors[0]");
		assertThat(error).as(response.body()).containsEntry("parameter", parameter);
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).isEqualTo(error.get("message"));
		return error;
	}

	private List<String> titles(String query) throws IOException, InterruptedException {
		return strings(get("/products" + (query.isEmpty() ? "" : "?" + query)));
	}

	private static List<String> strings(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
