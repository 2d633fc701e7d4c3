package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deletion decides without a server: when it runs in a transaction, and how it splits long id lists.
 */
class DeletionsUnitTests {

	@Test
	void aReplicaSetMemberWithSessionsRunsTransactions() {
		assertThat(Deletions.supportsTransactions(new Document("isWritablePrimary", true).append("setName", "rs0")
			.append("logicalSessionTimeoutMinutes", 30))).isTrue();
	}

	@Test
	void aMongosWithSessionsRunsTransactions() {
		assertThat(Deletions.supportsTransactions(
				new Document("msg", "isdbgrid").append("logicalSessionTimeoutMinutes", 30))).isTrue();
	}

	@Test
	void aStandaloneServerDoesNot() {
		assertThat(Deletions.supportsTransactions(
				new Document("isWritablePrimary", true).append("logicalSessionTimeoutMinutes", 30))).isFalse();
	}

	@Test
	void aReplyWithoutSessionsDoesNot() {
		// as mongo-java-server 1.47.0 answers isMaster
		assertThat(Deletions.supportsTransactions(new Document("ismaster", true).append("maxWireVersion", 8)))
			.isFalse();
	}

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
