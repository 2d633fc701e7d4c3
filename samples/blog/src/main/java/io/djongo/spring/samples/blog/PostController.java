package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.djongo.spring.core.query.QuerySet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
 * JSON endpoints for posts. Every listing brings each post's author in the same command ({@code selectRelated}) and
 * the tags of all posts with one more ({@code prefetchRelated}), however many posts there are.
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
		.allow("author__name", "exact", "iexact", "icontains")
		.allow("tags__name", "exact", "in")
		.orderBy("id", "title", "publishedDate", "rating", "views", "author__name")
		.maxLimit(100);

	private final PostRepository posts;

	private final AuthorRepository authors;

	private final TagRepository tags;

	PostController(PostRepository posts, AuthorRepository authors, TagRepository tags) {
		this.posts = posts;
		this.authors = authors;
		this.tags = tags;
	}

	/**
	 * Posts filtered by lookups given as query parameters:
	 * {@code /api/posts?title__icontains=django&publishedDate__year=2024&ordering=-publishedDate&limit=5}, across
	 * relations too: {@code ?author__name=Ann&tags__name=mongodb}. Two commands: the posts with their authors, then
	 * their tags.
	 */
	@GetMapping
	List<Post> list(@RequestParam MultiValueMap<String, String> parameters) {
		return LOOKUPS.apply(withRelated(this.posts.objects()), parameters, "-publishedDate").list();
	}

	/** Posts whose title contains the text, newest first: a derived QuerySet, chained further. */
	@GetMapping("/search")
	List<Post> search(@RequestParam String q) {
		return withRelated(this.posts.findByTitleContainingIgnoreCase(q)).orderBy("-publishedDate").slice(0, 20).list();
	}

	/**
	 * A post with its author and tags; with {@code ?expand=false} as {@code findById} reads it, the author and the
	 * tags still lazy, which djongo's Jackson module writes as their ids ({@code "author": 1, "tags": [1, 4]}).
	 */
	@GetMapping("/{id}")
	ResponseEntity<Post> get(@PathVariable long id, @RequestParam(defaultValue = "true") boolean expand) {
		return ResponseEntity
			.of(expand ? withRelated(this.posts.objects()).filter("id", id).first() : this.posts.findById(id));
	}

	/**
	 * Creates a post; {@code "author": {"id": 1}} and {@code "tags": [{"id": 2}]} refer to stored ones, which must
	 * exist.
	 */
	@PostMapping
	ResponseEntity<?> create(@RequestBody Post post) {
		post.setId(null);
		Author author = post.getAuthor();
		if (author != null) {
			Optional<Author> stored = (author.getId() != null) ? this.authors.findById(author.getId()) : Optional.empty();
			if (stored.isEmpty()) {
				return badRequest("No author with id " + author.getId());
			}
			post.setAuthor(stored.get());
		}
		List<Long> tagIds = post.getTags().stream().map(Tag::getId).toList();
		List<Tag> stored = (tagIds.contains(null)) ? List.of() : this.tags.objects().filter("id__in", tagIds).list();
		if (stored.size() != tagIds.size()) {
			return badRequest("Unknown tag ids in " + tagIds);
		}
		post.setTags(stored);
		Post saved = this.posts.save(post);
		return ResponseEntity.created(URI.create("/api/posts/" + saved.getId())).body(saved);
	}

	private static ResponseEntity<ProblemDetail> badRequest(String detail) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	private static QuerySet<Post> withRelated(QuerySet<Post> posts) {
		return posts.selectRelated("author").prefetchRelated("tags");
	}

}
