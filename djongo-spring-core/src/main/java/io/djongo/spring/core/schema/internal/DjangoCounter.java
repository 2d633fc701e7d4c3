package io.djongo.spring.core.schema.internal;

import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What a collection shared with Django needs of its {@code __schema__} entry: djongo's {@code CREATE TABLE} writes
 * {@code {name, fields: {<column>: {type_code}}, auto: {seq: 0, field_names: [<id column>]}}}, and its inserts take
 * the next ids from that entry only when it has {@code auto}.
 *
 * @param idField the auto-increment column ({@code id}); null for a table without one (a primary key Django does
 * not number), whose entry has no {@code auto}
 * @param fields the columns and their djongo type codes, as {@code fields} holds them
 */
record DjangoCounter(@Nullable String idField, Document fields) {

	/** The entry djongo's {@code CREATE TABLE} writes, without its {@code name}. */
	Document entry() {
		Document entry = new Document("fields", this.fields);
		if (this.idField != null) {
			entry.append("auto", new Document("seq", 0).append("field_names", List.of(this.idField)));
		}
		return entry;
	}

	/** The id column counted; fails for a table without one. */
	String requiredIdField() {
		String result = this.idField;
		if (result == null) {
			throw new IllegalStateException("A table without an auto-increment column has no counter");
		}
		return result;
	}

}
