package io.djongo.spring.core.schema.migration.internal;

import java.util.Set;

import org.bson.Document;

/**
 * One index a model declares, as MongoDB's {@code createIndexes} takes it: the key pattern and the options
 * ({@code name}, {@code unique}, {@code sparse}, {@code expireAfterSeconds}, {@code partialFilterExpression},
 * {@code collation}, {@code weights}, ...).
 *
 * @param model the model declaring it
 * @param collection the model's collection
 * @param keys the key pattern, by stored names
 * @param options the options, {@code name} always among them
 * @param origin the declaration, for messages ({@code @Indexed isbn}, {@code @ModelIndex}, {@code @OneToOne author})
 */
record DeclaredIndex(Class<?> model, String collection, Document keys, Document options, String origin) {

	/** Options MongoDB ignores or adds on its own, left out of comparisons. */
	private static final Set<String> IGNORED = Set.of("background", "v", "ns", "key", "name", "textIndexVersion",
			"2dsphereIndexVersion", "language_override");

	String name() {
		return this.options.getString("name");
	}

	/** The specification {@code createIndexes} takes: {@code {key, name, ...options}}. */
	Document specification() {
		Document spec = new Document("key", this.keys);
		spec.append("name", name());
		this.options.forEach((option, value) -> {
			if (!"name".equals(option) && !"background".equals(option)) {
				spec.append(option, value);
			}
		});
		return spec;
	}

	boolean isText() {
		return this.keys.containsValue("text");
	}

	boolean isTtl() {
		return this.options.containsKey("expireAfterSeconds");
	}

	boolean isGeo() {
		return this.keys.containsValue("2dsphere") || this.keys.containsValue("2d");
	}

	boolean isWildcard() {
		return this.keys.keySet().stream().anyMatch((key) -> key.equals("$**") || key.endsWith(".$**"));
	}

	boolean isPartial() {
		return this.options.containsKey("partialFilterExpression");
	}

	/** What the embedded server cannot serve in this index, or null when it can. */
	String embeddedGap() {
		if (isTtl()) {
			return "TTL: the embedded server lists it but never expires documents";
		}
		if (isText()) {
			return "text: the embedded server has no $text";
		}
		if (isGeo()) {
			return "geo: the embedded server has no geo queries";
		}
		if (isWildcard()) {
			return "wildcard: the embedded server cannot create it";
		}
		if (isPartial()) {
			return "partial filter: the embedded server would index every document";
		}
		return "";
	}

	static boolean ignored(String option) {
		return IGNORED.contains(option);
	}

	@Override
	public String toString() {
		return this.model.getSimpleName() + " index '" + name() + "' " + this.keys.toJson();
	}

}
