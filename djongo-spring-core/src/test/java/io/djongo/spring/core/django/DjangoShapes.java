package io.djongo.spring.core.django;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.MongoClientSettings;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * A document's shape as the tests compare it with djongo's: each field's path and BSON type, in order, nested
 * documents and the first element of arrays included.
 */
final class DjangoShapes {

	private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();

	private DjangoShapes() {
	}

	static Map<String, String> of(Document document) {
		BsonDocument bson = document.toBsonDocument(BsonDocument.class, CODECS);
		Map<String, String> shape = new LinkedHashMap<>();
		add("", bson, shape);
		return shape;
	}

	private static void add(String prefix, BsonDocument document, Map<String, String> shape) {
		for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
			String path = prefix + entry.getKey();
			BsonValue value = entry.getValue();
			shape.put(path, value.getBsonType().name());
			if (value instanceof BsonDocument nested) {
				add(path + ".", nested, shape);
			}
			else if (value instanceof BsonArray array && !array.isEmpty() && array.get(0) instanceof BsonDocument first) {
				add(path + ".0.", first, shape);
			}
		}
	}

}
