package io.djongo.spring.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;

/**
 * The through collection Django creates for a {@code ManyToManyField} without {@code through}, as Django 2.2 and 3.2
 * name it: the table {@code <owner table>_<field>} (cut to djongo's 60 characters with Django's hash), the keys
 * {@code <owner model>_id} and {@code <target model>_id} ({@code from_<model>_id} and {@code to_<model>_id} for a
 * relation of a model to itself).
 */
final class DjangoThrough {

	/** djongo's {@code max_name_length()}. */
	static final int MAX_NAME_LENGTH = 60;

	private DjangoThrough() {
	}

	static Relation relation(Class<?> owner, String ownerTable, String field, Class<?> target, ManyToMany declared,
			String relatedName) {
		String table = declared.dbTable().isEmpty() ? truncate(ownerTable + "_" + field, MAX_NAME_LENGTH)
				: declared.dbTable();
		String ownerName = modelName(owner);
		String targetName = modelName(target);
		String from = (owner == target) ? "from_" + ownerName : ownerName;
		String to = (owner == target) ? "to_" + targetName : targetName;
		String[] named = declared.throughFields();
		if (named.length == 2) {
			from = named[0];
			to = named[1];
		}
		else if (named.length != 0) {
			throw new FieldError(owner.getSimpleName() + "." + field + ": throughFields names the two keys of the"
					+ " through collection, e.g. {\"" + from + "\", \"" + to + "\"}");
		}
		// Django's through model is named <Owner>_<field>; its keys' reverse sides are hidden
		String through = ownerName + "_" + field;
		Relation toOwner = new Relation(Relation.Kind.FOREIGN_KEY, owner, from, from + "_id", owner, OnDelete.CASCADE,
				through, false, null);
		Relation toTarget = new Relation(Relation.Kind.FOREIGN_KEY, owner, to, to + "_id", target, OnDelete.CASCADE,
				through, false, null);
		return new Relation(Relation.Kind.MANY_TO_MANY, owner, field, field, target, OnDelete.CASCADE, relatedName,
				true, new Relation.Through(null, table, toOwner, toTarget));
	}

	/** Django's {@code model_name}: the class name in lower case. */
	static String modelName(Class<?> type) {
		return type.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** Django's {@code truncate_name}: names longer than the limit keep its start and end with a 4-digit hash. */
	static String truncate(String name, int length) {
		if (name.length() <= length) {
			return name;
		}
		return name.substring(0, length - 4) + digest(4, name);
	}

	/** Django's {@code names_digest}: the start of the MD5 of the names, in hex. */
	static String digest(int length, String... names) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			for (String name : names) {
				md5.update(name.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(md5.digest()).substring(0, length);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every Java platform", ex);
		}
	}

}
