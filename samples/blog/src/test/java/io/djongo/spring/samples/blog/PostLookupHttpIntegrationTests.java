package io.djongo.spring.samples.blog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posts list over HTTP: lookups as query parameters for an allow-list of fields, and 400s naming what was
 * refused. Every request filters on a tag of this class's own posts, so posts of other tests do not count.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostLookupHttpIntegrationTests {

	private static final String TAG = "lk" + Long.toString(System.nanoTime(), 36);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	PostRepository posts;

	@BeforeEach
	void data() {
		if (this.posts.objects().filter("title__startswith", TAG).exists()) {
			return;
		}
		this.posts.saveAll(List.of(post("Django on MongoDB", "2024-03-01T10:00:00Z", 3, 10),
				post("Django REST", "2024-09-10T08:00:00Z", 5, 40),
				post("django forms", "2023-05-05T12:00:00Z", 4, 7),
				post("Spring Data", "2024-06-15T08:30:00Z", 2, 25),
				post("DJANGO admin", "2024-11-11T18:00:00Z", null, 0)));
	}

	static Post post(String title, String published, Integer rating, int views) {
		Post post = new Post(TAG + " " + title, "body of " + title, Instant.parse(published));
		post.setRating(rating);
		post.setViews(views);
		return post;
	}

	@Test
	void filtersOrdersAndPagesByLookupParameters() throws Exception {
		assertThat(titles("title__icontains=" + TAG + "%20django&publishedDate__year=2024&ordering=-publishedDate&size=5"))
			.containsExactly("DJANGO admin", "Django REST", "Django on MongoDB");
		assertThat(titles("title__icontains=" + TAG + "%20django&publishedDate__year=2024&ordering=-publishedDate&size=2"))
			.containsExactly("DJANGO admin", "Django REST");
		assertThat(titles("ordering=publishedDate&page=1&size=2")).containsExactly("Spring Data", "Django REST");
	}

	@Test
	void aPageCarriesItsTotals() throws Exception {
		HttpResponse<String> response = get("/api/posts/page?title__icontains=" + TAG
				+ "%20django&ordering=-views&page=1&size=2");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.content[*].title"))
			.containsExactly(TAG + " django forms", TAG + " DJANGO admin");
		assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.page")).containsEntry("size", 2)
			.containsEntry("number", 1)
			.containsEntry("totalElements", 4)
			.containsEntry("totalPages", 2);
	}

	@Test
	void theListIsNewestFirstUnlessOrderedOtherwise() throws Exception {
		assertThat(titles("")).containsExactly("DJANGO admin", "Django REST", "Spring Data", "Django on MongoDB",
				"django forms");
		assertThat(titles("ordering=-rating,title")).containsExactly("Django REST", "django forms",
				"Django on MongoDB", "Spring Data", "DJANGO admin");
	}

	@Test
	void valuesAreConvertedToTheFieldType() throws Exception {
		assertThat(titles("rating__gte=4&ordering=rating")).containsExactly("django forms", "Django REST");
		assertThat(titles("rating__in=3,5&ordering=rating")).containsExactly("Django on MongoDB", "Django REST");
		assertThat(titles("rating__range=2,3&ordering=rating")).containsExactly("Spring Data", "Django on MongoDB");
		assertThat(titles("rating__isnull=true")).containsExactly("DJANGO admin");
		assertThat(titles("publishedDate__gte=2024-06-15&publishedDate__lt=2024-10-01&ordering=publishedDate"))
			.containsExactly("Spring Data", "Django REST");
		assertThat(titles("publishedDate__month=3")).containsExactly("Django on MongoDB");
		assertThat(titles("views__gte=10&views__lte=30&ordering=views")).containsExactly("Django on MongoDB",
				"Spring Data");
	}

	@Test
	void aValueIsNeverReadAsAnOperator() throws Exception {
		assertThat(titles("title=%7B%22%24gt%22%3A%22%22%7D")).isEmpty();
		assertThat(titles("title__icontains=.*")).isEmpty();
	}

	@Test
	void aParameterOutsideTheAllowListIsA400NamingItAndTheAllowedOnes() throws Exception {
		for (String parameter : List.of("body__icontains", "titel", "title__regex", "rating__foo")) {
			HttpResponse<String> response = get("/api/posts?" + parameter + "=x");
			assertThat(response.statusCode()).isEqualTo(400);
			Map<String, Object> error = JsonPath.read(response.body(), "$.errors[0]");
			assertThat(error).containsEntry("parameter", parameter);
			assertThat(error.get("message")).asString().contains(parameter);
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[0].allowed")).contains("title__icontains",
					"publishedDate__year", "rating", "ordering", "page", "size")
				.doesNotContain("body__icontains", "title__regex");
		}
	}

	@Test
	void aBadOrderingIsA400NamingTheAllowedOrderings() throws Exception {
		HttpResponse<String> response = get("/api/posts?ordering=-publishedDate,body");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter")).isEqualTo("ordering");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("'body'");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[0].allowed")).contains("publishedDate",
				"-publishedDate", "title").doesNotContain("body");
	}

	@Test
	void aBadPageOrSizeIsA400NamingIt() throws Exception {
		for (String query : List.of("size=-1", "size=abc", "size=101", "page=-3", "size=1&size=2")) {
			HttpResponse<String> response = get("/api/posts?" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.body(), "$.errors[0].parameter")).isEqualTo(query.split("=")[0]);
		}
	}

	@Test
	void aValueThatDoesNotFitIsA400NamingTheLookup() throws Exception {
		HttpResponse<String> year = get("/api/posts?publishedDate__year=abc");
		assertThat(year.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(year.body(), "$.errors[0].message")).contains("Post.publishedDate__year")
			.contains("abc");
		HttpResponse<String> range = get("/api/posts?rating__range=1");
		assertThat(range.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(range.body(), "$.errors[0].message")).contains("Post.rating__range")
			.contains("range needs exactly two");
		HttpResponse<String> isnull = get("/api/posts?rating__isnull=maybe");
		assertThat(isnull.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(isnull.body(), "$.errors[0].message")).contains("Post.rating__isnull");
	}

	@Test
	void searchIsADerivedQuerySetChainedFurther() throws Exception {
		HttpResponse<String> response = get("/api/posts/search?q=" + TAG + "%20DJANGO");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$[*].title")).containsExactly(TAG + " DJANGO admin",
				TAG + " Django REST", TAG + " Django on MongoDB", TAG + " django forms");
	}

	/** The titles, without the tag, of this class's posts matching the query string. */
	private List<String> titles(String query) throws IOException, InterruptedException {
		HttpResponse<String> response = get("/api/posts?title__startswith=" + TAG + (query.isEmpty() ? "" : "&" + query));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> titles = JsonPath.read(response.body(), "$[*].title");
		return titles.stream().map((title) -> title.substring(TAG.length() + 1)).toList();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
