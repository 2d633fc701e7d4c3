package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.djongo.spring.autoconfigure.web.QuerySetParameters;
import io.djongo.spring.autoconfigure.web.QuerySetRequest;
import io.djongo.spring.core.query.QuerySet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.data.web.PagedModel;
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

	private final PostRepository posts;

	private final AuthorRepository authors;

	private final TagRepository tags;

	PostController(PostRepository posts, AuthorRepository authors, TagRepository tags) {
		this.posts = posts;
		this.authors = authors;
		this.tags = tags;
	}

	/**
	 * Posts filtered by lookups given as query parameters, for the lookups and orderings listed only ({@code body} is
	 * left out on purpose):
	 * {@code /api/posts?title__icontains=django&publishedDate__year=2024&ordering=-publishedDate&size=5}, across
	 * relations too: {@code ?author__name=Ann&tags__name=mongodb}. Two commands: the page of posts with their
	 * authors, then their tags.
	 */
	@GetMapping
	List<Post> list(@QuerySetParameters(lookups = { "title", "title__iexact", "title__icontains", "title__startswith",
			"title__istartswith", "publishedDate__year", "publishedDate__year__gte", "publishedDate__year__lte",
			"publishedDate__month", "publishedDate__date", "publishedDate__gte", "publishedDate__lt", "rating",
			"rating__gt", "rating__gte", "rating__lt", "rating__lte", "rating__in", "rating__range", "rating__isnull",
			"views__gte", "views__lte", "author__name", "author__name__iexact", "author__name__icontains", "tags__name",
			"tags__name__in" }, orderings = { "id", "title", "publishedDate", "rating", "views", "author__name" },
			defaultOrdering = "-publishedDate") QuerySet<Post> posts) {
		return withRelated(posts).list();
	}

	/**
	 * A page of posts with its totals, as Spring Data's {@code PagedModel}:
	 * {@code /api/posts/page?author__name=Ann&ordering=-views&page=1&size=2} gives
	 * {@code {"content": [...], "page": {"size": 2, "number": 1, "totalElements": 3, "totalPages": 2}}}. Three
	 * commands: the posts with their authors, their tags, and the count when the page does not tell it.
	 */
	@GetMapping("/page")
	PagedModel<Post> page(@QuerySetParameters(lookups = { "title__icontains", "publishedDate__year", "author__name" },
			orderings = { "title", "publishedDate", "views" }, defaultOrdering = "-publishedDate")
			QuerySetRequest<Post> request) {
		return new PagedModel<>(request.page(withRelated(this.posts.objects())));
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
