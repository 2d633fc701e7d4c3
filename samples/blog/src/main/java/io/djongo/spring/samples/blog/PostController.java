package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for posts.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

	/** What a client may filter and order the list by; {@code body} is left out on purpose. */
	static final LookupParameters LOOKUPS = LookupParameters.create()
		.allow("title", "exact", "iexact", "icontains", "startswith", "istartswith")
		.allow("publishedDate", "year", "year__gte", "year__lte", "month", "date", "gte", "lt")
		.allow("rating", "exact", "gt", "gte", "lt", "lte", "in", "range", "isnull")
		.allow("views", "gte", "lte")
		.orderBy("id", "title", "publishedDate", "rating", "views")
		.maxLimit(100);

	private final PostRepository posts;

	PostController(PostRepository posts) {
		this.posts = posts;
	}

	/**
	 * Posts filtered by lookups given as query parameters:
	 * {@code /api/posts?title__icontains=django&publishedDate__year=2024&ordering=-publishedDate&limit=5}. One find.
	 */
	@GetMapping
	List<Post> list(@RequestParam MultiValueMap<String, String> parameters) {
		return LOOKUPS.apply(this.posts.objects(), parameters, "-publishedDate").list();
	}

	/** Posts whose title contains the text, newest first: a derived QuerySet, chained further. */
	@GetMapping("/search")
	List<Post> search(@RequestParam String q) {
		return this.posts.findByTitleContainingIgnoreCase(q).orderBy("-publishedDate").slice(0, 20).list();
	}

	@GetMapping("/{id}")
	ResponseEntity<Post> get(@PathVariable long id) {
		return ResponseEntity.of(this.posts.objects().filter("id", id).first());
	}

	@PostMapping
	ResponseEntity<Post> create(@Valid @RequestBody Post post) {
		post.setId(null);
		Post saved = this.posts.save(post);
		return ResponseEntity.created(URI.create("/api/posts/" + saved.getId())).body(saved);
	}

}
