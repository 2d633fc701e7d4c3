package io.djongo.spring.core.relation.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deletion decides without a server: whether it runs in a transaction, from the driver's cluster description,
 * and how it splits long id lists.
 */
class DeletionsUnitTests {

	@Test
	void aReplicaSetWithSessionsRunsTransactions() {
		assertThat(Transactions.supported(cluster(ClusterType.REPLICA_SET, ServerType.REPLICA_SET_PRIMARY, 30)))
			.isTrue();
	}

	@Test
	void aShardedClusterWithSessionsRunsTransactions() {
		assertThat(Transactions.supported(cluster(ClusterType.SHARDED, ServerType.SHARD_ROUTER, 30))).isTrue();
	}

	@Test
	void aLoadBalancedDeploymentRunsTransactions() {
		assertThat(Transactions.supported(new ClusterDescription(ClusterConnectionMode.LOAD_BALANCED,
				ClusterType.LOAD_BALANCED, List.of(server(ServerType.LOAD_BALANCER, null))))).isTrue();
	}

	@Test
	void aStandaloneServerDoesNot() {
		assertThat(Transactions.supported(cluster(ClusterType.STANDALONE, ServerType.STANDALONE, 30))).isFalse();
	}

	@Test
	void aReplicaSetWithoutSessionsDoesNot() {
		assertThat(Transactions.supported(cluster(ClusterType.REPLICA_SET, ServerType.REPLICA_SET_PRIMARY, null)))
			.isFalse();
	}

	@Test
	void anUnknownDeploymentDoesNot() {
		// before the client has reached a server
		assertThat(Transactions.supported(new ClusterDescription(ClusterConnectionMode.MULTIPLE, ClusterType.UNKNOWN,
				List.of()))).isFalse();
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

	/** A connected deployment of one server, as the driver describes it after its first heartbeat. */
	private static ClusterDescription cluster(ClusterType type, ServerType server, @Nullable Integer sessionMinutes) {
		return new ClusterDescription(
				(type == ClusterType.STANDALONE) ? ClusterConnectionMode.SINGLE : ClusterConnectionMode.MULTIPLE, type,
				List.of(server(server, sessionMinutes)));
	}

	private static ServerDescription server(ServerType type, @Nullable Integer sessionMinutes) {
		return ServerDescription.builder()
			.address(new ServerAddress("db", 27017))
			.state(ServerConnectionState.CONNECTED)
			.type(type)
			.ok(true)
			.logicalSessionTimeoutMinutes(sessionMinutes)
			.build();
	}

}
