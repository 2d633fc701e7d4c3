package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for posts.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

	private final PostRepository posts;

	PostController(PostRepository posts) {
		this.posts = posts;
	}

	@GetMapping
	List<Post> list() {
		return this.posts.objects().orderBy("-publishedDate").list();
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
