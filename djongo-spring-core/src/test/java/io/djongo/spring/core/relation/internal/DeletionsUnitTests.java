package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deletion decides without a server: how it splits long id lists.
 */
class DeletionsUnitTests {

	@Test
	void longIdListsAreSplitIntoChunks() {
		List<Object> ids = new ArrayList<>();
		for (int i = 0; i < DeletionCollector.CHUNK * 2 + 1; i++) {
			ids.add(i);
		}
		assertThat(DeletionCollector.chunks(ids)).extracting(List::size)
			.containsExactly(DeletionCollector.CHUNK, DeletionCollector.CHUNK, 1);
	}

}
