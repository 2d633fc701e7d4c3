package io.djongo.spring.core.schema.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.model.Storage;
import org.bson.Document;

/**
 * The indexes djongo 1.3 creates for a model of Django 2.2 or 3.2, named as Django names them, so that an index
 * created by one side is the index the other side would create (MongoDB refuses a second index of the same keys
 * under another name):
 * <ul>
 * <li>{@code __primary_key__}, unique on the primary key column ({@code {id: 1}}), by {@code CREATE TABLE};</li>
 * <li>a foreign key's index ({@code {author_id: 1}}, named {@code blog_post_author_id_<md5>}), as Django indexes a
 * {@code ForeignKey} ({@code db_index=True});</li>
 * <li>a one-to-one's unique index ({@code {author_id: 1}}, {@code author_id_1}), from its {@code UNIQUE} column;</li>
 * <li>for a many-to-many's through collection: {@code __primary_key__}, the unique pair
 * ({@code blog_post_tags_post_id_tag_id_<md5>_uniq}) and the index of each key.</li>
 * </ul>
 * One list per model, in the shape of the model's other declared indexes (keys and {@code createIndexes} options):
 * the start-up index step ({@code djongo.indexes}) declares them with the model's others.
 */
public final class DjangoIndexes {

	/** djongo's {@code max_name_length()}. */
	private static final int MAX_NAME_LENGTH = 60;

	private DjangoIndexes() {
	}

	/**
	 * One index djongo creates.
	 * @param collection the collection
	 * @param keys the key pattern, by stored names
	 * @param options the {@code createIndexes} options, {@code name} among them
	 * @param origin the declaration, for messages ({@code Post.author (Django storage)})
	 */
	public record DjangoIndex(String collection, Document keys, Document options, String origin) {

		public String name() {
			return this.options.getString("name");
		}

	}

	/** The indexes of a model in Django storage and of the through collections of its many-to-many fields. */
	public static List<DjangoIndex> of(ModelMetadata model) {
		String collection = model.collection();
		if (collection == null || model.storage() != Storage.DJANGO) {
			return List.of();
		}
		List<DjangoIndex> indexes = new ArrayList<>();
		String origin = model.name() + " (Django storage)";
		if (!model.idField().equals("_id")) {
			indexes.add(primaryKey(collection, model.idField(), origin));
		}
		for (FieldDescriptor field : model.fields().values()) {
			Relation relation = field.relation();
			if (relation == null || relation.isManyToMany()) {
				continue;
			}
			String column = relation.storedField();
			String fieldOrigin = model.name() + "." + field.name() + " (Django storage)";
			if (relation.kind() == Relation.Kind.ONE_TO_ONE) {
				indexes.add(new DjangoIndex(collection, new Document(column, 1),
						new Document("name", column + "_1").append("unique", true), fieldOrigin));
			}
			else {
				indexes.add(foreignKey(collection, column, fieldOrigin));
			}
		}
		for (Relation relation : model.throughRelations().values()) {
			Relation.Through through = relation.through();
			if (through == null || !through.isAutoCreated()) {
				continue;
			}
			String table = through.collection();
			String from = through.toOwner().storedField();
			String to = through.toTarget().storedField();
			String throughOrigin = model.name() + "." + relation.field() + " (through collection)";
			indexes.add(primaryKey(table, "id", throughOrigin));
			indexes.add(new DjangoIndex(table, new Document(from, 1).append(to, 1),
					new Document("name", indexName(table, List.of(from, to), "_uniq")).append("unique", true),
					throughOrigin));
			indexes.add(foreignKey(table, from, throughOrigin));
			indexes.add(foreignKey(table, to, throughOrigin));
		}
		return List.copyOf(indexes);
	}

	private static DjangoIndex primaryKey(String collection, String column, String origin) {
		return new DjangoIndex(collection, new Document(column, 1),
				new Document("name", "__primary_key__").append("unique", true), origin);
	}

	private static DjangoIndex foreignKey(String collection, String column, String origin) {
		return new DjangoIndex(collection, new Document(column, 1),
				new Document("name", indexName(collection, List.of(column), "")), origin);
	}

	/** Django's {@code BaseDatabaseSchemaEditor._create_index_name}, with djongo's 60-character limit. */
	static String indexName(String table, List<String> columns, String suffix) {
		List<String> digested = new ArrayList<>();
		digested.add(table);
		digested.addAll(columns);
		String hashSuffix = digest(digested) + suffix;
		String joined = String.join("_", columns);
		String name = table + "_" + joined + "_" + hashSuffix;
		if (name.length() <= MAX_NAME_LENGTH) {
			return name;
		}
		if (hashSuffix.length() > MAX_NAME_LENGTH / 3.0) {
			hashSuffix = hashSuffix.substring(0, MAX_NAME_LENGTH / 3);
		}
		int other = (MAX_NAME_LENGTH - hashSuffix.length()) / 2 - 1;
		name = table.substring(0, Math.min(other, table.length())) + "_"
				+ joined.substring(0, Math.min(other, joined.length())) + "_" + hashSuffix;
		if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
			name = "D" + name.substring(0, name.length() - 1);
		}
		return name;
	}

	/** Django's {@code names_digest(..., length=8)}: the start of the MD5 of the names, in hex. */
	private static String digest(List<String> names) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			for (String name : names) {
				md5.update(name.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every Java platform", ex);
		}
	}

}
