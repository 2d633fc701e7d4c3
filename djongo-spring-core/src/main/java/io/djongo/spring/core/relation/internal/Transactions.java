package io.djongo.spring.core.relation.internal;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;

/**
 * Whether a deployment runs multi-document transactions, from the driver's view of it: a replica set or a sharded
 * cluster whose servers support logical sessions, or a load balancer (always in front of mongos). A standalone
 * server, the embedded one among them, does not.
 */
final class Transactions {

	private Transactions() {
	}

	static boolean supported(ClusterDescription cluster) {
		ClusterType type = cluster.getType();
		if (type == ClusterType.LOAD_BALANCED) {
			return true;
		}
		boolean sessions = cluster.getLogicalSessionTimeoutMinutes() != null;
		return sessions && (type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED);
	}

}
