package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for entries.
 */
@RestController
@RequestMapping("/api/entries")
class EntryController {

	private final EntryRepository entries;

	EntryController(EntryRepository entries) {
		this.entries = entries;
	}

	@GetMapping
	List<Entry> list() {
		return this.entries.objects().list();
	}

	@GetMapping("/{id}")
	ResponseEntity<Entry> get(@PathVariable String id) {
		if (!ObjectId.isValid(id)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(this.entries.objects().filter("id", new ObjectId(id)).first());
	}

	@PostMapping
	ResponseEntity<Entry> create(@Valid @RequestBody Entry entry) {
		entry.setId(null);
		Entry saved = this.entries.save(entry);
		return ResponseEntity.created(URI.create("/api/entries/" + saved.getId())).body(saved);
	}

}
