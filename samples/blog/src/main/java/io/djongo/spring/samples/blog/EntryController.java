package io.djongo.spring.samples.blog;

import java.net.URI;
import java.util.List;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
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

	/**
	 * djongo's seed example of the mongo bridge: a raw aggregation with a {@code $match} on the path variable. The
	 * headline is passed as a value, so a string such as {@code {"$ne": null}} matches only itself.
	 */
	@GetMapping("/by-headline/{headline}")
	List<Entry> byHeadline(@PathVariable String headline) {
		return this.entries.mongoAggregate(List.of(Aggregates.match(Filters.eq("headline", headline))), Entry.class);
	}

	@PostMapping
	ResponseEntity<Entry> create(@RequestBody Entry entry) {
		entry.setId(null);
		Entry saved = this.entries.save(entry);
		return ResponseEntity.created(URI.create("/api/entries/" + saved.getId())).body(saved);
	}

}
