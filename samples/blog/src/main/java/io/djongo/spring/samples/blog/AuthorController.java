package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.djongo.spring.autoconfigure.web.QuerySetParameters;
import io.djongo.spring.autoconfigure.web.QuerySetRequest;
import io.djongo.spring.core.gridfs.StoredFile;
import io.djongo.spring.core.gridfs.StoredFileResource;
import io.djongo.spring.core.query.aggregate.Count;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Authors and their avatars: a multipart upload stores the image in GridFS when the author is saved, and the download
 * streams it back with its stored content type and length. The list counts each author's posts across the relation;
 * deleting an author deletes the author's posts.
 */
@RestController
@RequestMapping("/api/authors")
class AuthorController {

	private final AuthorRepository authors;

	AuthorController(AuthorRepository authors) {
		this.authors = authors;
	}

	/**
	 * Authors with their number of posts, counted across the relation in the same command:
	 * {@code /api/authors?ordering=-numPosts}, {@code ?numPosts__gte=2}, {@code ?posts__title__icontains=django}.
	 */
	@GetMapping
	List<Author> list(@QuerySetParameters(lookups = { "name", "name__iexact", "name__icontains", "name__startswith",
			"numPosts", "numPosts__gte", "numPosts__lte", "posts__title__icontains" },
			orderings = { "id", "name", "numPosts" }, defaultOrdering = "name") QuerySetRequest<Author> request) {
		// numPosts is an annotation: the request applies to the controller's own QuerySet, which has it
		return request.slice(this.authors.objects().annotate("numPosts", Count.of("posts"))).list();
	}

	@PostMapping
	ResponseEntity<Author> create(@RequestBody Author author) {
		author.setId(null);
		author.setAvatar(null);
		Author saved = this.authors.save(author);
		return ResponseEntity.created(URI.create("/api/authors/" + saved.getId())).body(saved);
	}

	@GetMapping("/{id}")
	ResponseEntity<Author> get(@PathVariable long id) {
		return ResponseEntity.of(this.authors.findById(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.authors.existsById(id)) {
			return ResponseEntity.notFound().build();
		}
		this.authors.deleteById(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Uploads an avatar ({@code multipart/form-data}, part {@code file}); the content streams from the request to
	 * GridFS when the author is saved.
	 */
	@PutMapping(path = "/{id}/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Author> uploadAvatar(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		Optional<Author> author = this.authors.findById(id);
		if (author.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "avatar";
		author.get().setAvatar(StoredFile.of(file, name, file.getContentType()));
		return ResponseEntity.ok(this.authors.save(author.get()));
	}

	/**
	 * Streams the avatar with its stored content type, length and upload date.
	 */
	@GetMapping("/{id}/avatar")
	ResponseEntity<Resource> avatar(@PathVariable long id) {
		StoredFile avatar = this.authors.findById(id).map(Author::getAvatar).orElse(null);
		if (avatar == null) {
			return ResponseEntity.notFound().build();
		}
		StoredFileResource resource = avatar.getResource();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (avatar.getContentType() != null) {
			response.contentType(MediaType.parseMediaType(avatar.getContentType()));
		}
		if (avatar.getUploadDate() != null) {
			response.lastModified(avatar.getUploadDate());
		}
		return response.body(resource);
	}

}
