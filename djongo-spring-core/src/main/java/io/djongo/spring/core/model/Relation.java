package io.djongo.spring.core.model;

import java.util.Locale;

import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;

/**
 * A relation declared on a model field: {@code @ForeignKey}, {@code @OneToOne} or {@code @ManyToMany}.
 *
 * @param kind which annotation declares it
 * @param owner the model declaring the field
 * @param field the Java name of the field
 * @param storedField the stored name of the field ({@code author_id}, {@code tags})
 * @param target the referred model
 * @param onDelete what happens to the owner when the target is deleted ({@code DO_NOTHING}'s counterpart for
 * many-to-many: the target's id is removed from the owner's array)
 * @param relatedName the name of the reverse side, as lookups from the target use it
 * @param nullable whether the reference may be null
 * @param through for a many-to-many carried by a through model: its foreign key to the owner and its foreign key
 * to the target; else null
 */
public record Relation(Kind kind, Class<?> owner, String field, String storedField, Class<?> target, OnDelete onDelete,
		String relatedName, boolean nullable, @Nullable Through through) {

	/**
	 * The two foreign keys of a through model, or of the through collection Django creates for a many-to-many field
	 * of a model in Django storage ({@code blog_post_tags: {id, post_id, tag_id}}).
	 * @param model the through model; null for a collection Django creates, which no class describes
	 * @param collection the collection of the pairs
	 * @param toOwner its foreign key to the relation's owner (for a created collection: {@code post}, stored as
	 * {@code post_id})
	 * @param toTarget its foreign key to the relation's target ({@code tag}, {@code tag_id})
	 */
	public record Through(@Nullable Class<?> model, String collection, Relation toOwner, Relation toTarget) {

		/** Whether the pairs are in a collection Django creates ({@code <table>_<field>}), not a model's. */
		public boolean isAutoCreated() {
			return this.model == null;
		}

	}

	/** The kinds of relation. */
	public enum Kind {

		/** {@code @ForeignKey}: many owners refer to one target. */
		FOREIGN_KEY,

		/** {@code @OneToOne}: at most one owner refers to a target. */
		ONE_TO_ONE,

		/** {@code @ManyToMany}: an owner refers to many targets, by an array of ids. */
		MANY_TO_MANY

	}

	/** Whether the owner refers to several targets. */
	public boolean isManyToMany() {
		return this.kind == Kind.MANY_TO_MANY;
	}

	/** Whether the reverse side, from a target, reaches several owners. */
	public boolean isReverseMultiValued() {
		return this.kind != Kind.ONE_TO_ONE;
	}

	/** Django's default related name: the owner's class name in lower case. */
	static String defaultRelatedName(Class<?> owner) {
		return owner.getSimpleName().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.owner.getSimpleName() + "." + this.field + " -> " + this.target.getSimpleName() + " (" + this.kind
				+ ", reverse '" + this.relatedName + "')";
	}

}
