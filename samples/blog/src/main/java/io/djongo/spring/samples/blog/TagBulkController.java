package io.djongo.spring.samples.blog;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.bulk.BulkResult;
import io.djongo.spring.core.bulk.BulkWrite;
import io.djongo.spring.core.bulk.BulkWriteException;
import io.djongo.spring.core.query.Q;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bulk write over HTTP: {@code POST /api/tags/bulk} with
 * {@code {"create": ["java", "spring"], "rename": {"mongo": "mongodb"}}} creates and renames tags in one
 * {@code bulkWrite}, unordered, and answers the counts and ids. Every tag is validated before anything is written
 * (an invalid one: 400, nothing written); a refused operation answers 409 with what was written all the same.
 */
@RestController
@RequestMapping("/api/tags")
class TagBulkController {

	private final DjongoTemplate djongo;

	TagBulkController(DjongoTemplate djongo) {
		this.djongo = djongo;
	}

	@PostMapping("/bulk")
	BulkResult bulk(@RequestBody TagChanges changes) {
		BulkWrite<Tag> bulk = this.djongo.bulk(Tag.class).ordered(false);
		changes.create().forEach((name) -> bulk.insert(new Tag(name)));
		// the names are literals: a lookup value is never an operator
		changes.rename().forEach((from, to) -> bulk.update(Q.of("name", from), Map.of("name", to)));
		return bulk.execute();
	}

	@ExceptionHandler(BulkWriteException.class)
	ResponseEntity<BulkResult> refused(BulkWriteException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(ex.getResult());
	}

	/** The tags to create and the renames, old name to new. */
	record TagChanges(List<String> create, Map<String, String> rename) {

		TagChanges(@Nullable List<String> create, @Nullable Map<String, String> rename) {
			this.create = (create != null) ? create : List.of();
			this.rename = (rename != null) ? rename : Map.of();
		}

	}

}
