package io.djongo.spring.core.schema.migration.internal;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Tells the embedded server (mongo-java-server) from MongoDB: its {@code buildInfo} has no {@code gitVersion}, which
 * every MongoDB build reports. Asked once, when a schema step first needs to know.
 */
final class ServerKind {

	private final MongoOperations operations;

	private volatile @Nullable Boolean embedded;

	ServerKind(MongoOperations operations) {
		this.operations = operations;
	}

	boolean isEmbedded() {
		Boolean result = this.embedded;
		if (result == null) {
			Document info = this.operations.executeCommand(new Document("buildInfo", 1));
			result = !info.containsKey("gitVersion");
			this.embedded = result;
		}
		return result;
	}

}
