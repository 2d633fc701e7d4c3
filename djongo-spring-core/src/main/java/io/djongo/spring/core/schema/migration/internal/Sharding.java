package io.djongo.spring.core.schema.migration.internal;

import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.schema.InvalidIndexException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.Sharded;
import org.springframework.data.mongodb.core.mapping.ShardingStrategy;

/**
 * The {@code shardCollection} command of a model with Spring Data's {@link Sharded}: its shard key by stored names
 * ({@code _id} when it names none), {@code "hashed"} for {@link ShardingStrategy#HASH}, {@code 1} for a range.
 */
final class Sharding {

	private final StoredPaths paths;

	Sharding(StoredPaths paths) {
		this.paths = paths;
	}

	/** The {@code shardCollection} command of a model, or null when it is not {@code @Sharded}. */
	@Nullable Document shardCollectionCommand(ModelMetadata model, String database) {
		Sharded sharded = model.entity().findAnnotation(Sharded.class);
		String collection = model.collection();
		if (sharded == null || collection == null) {
			return null;
		}
		Object direction = (sharded.shardingStrategy() == ShardingStrategy.HASH) ? "hashed" : 1;
		String[] names = (sharded.shardKey().length > 0) ? sharded.shardKey() : sharded.value();
		Document key = new Document();
		if (names.length == 0) {
			key.append("_id", direction);
		}
		for (String name : names) {
			List<FieldDescriptor> fields = this.paths.resolve(model, name, true);
			if (fields == null) {
				fields = this.paths.resolve(model, name, false);
			}
			if (fields == null) {
				throw new InvalidIndexException(model.type(), name, "the @Sharded key names '" + name
						+ "', which is no field of " + model.name());
			}
			key.append(StoredPaths.stored(fields, name), direction);
		}
		return new Document("shardCollection", database + "." + collection).append("key", key);
	}

	/** The {@code enableSharding} command of a database (needed before MongoDB 6.0, harmless since). */
	static Document enableShardingCommand(String database) {
		return new Document("enableSharding", database);
	}

}
