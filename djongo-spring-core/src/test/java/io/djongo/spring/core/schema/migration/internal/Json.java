package io.djongo.spring.core.schema.migration.internal;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Documents as relaxed JSON, so that a command compares with its documented shape whatever Java number types hold it. */
final class Json {

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private Json() {
	}

	static String of(Document document) {
		return document.toJson(RELAXED);
	}

	static String parsed(String json) {
		return of(Document.parse(json));
	}

}
