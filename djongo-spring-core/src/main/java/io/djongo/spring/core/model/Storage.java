package io.djongo.spring.core.model;

/**
 * How a model's documents are stored: djongo-spring's own layout, or exactly as a Django application on djongo
 * stores them, so that both can share a database ({@code djongo.storage}, or {@link Model#storage()} per model).
 */
public enum Storage {

	/** On {@link Model#storage()}: whatever {@code djongo.storage} says (native unless set). */
	DEFAULT,

	/**
	 * djongo-spring's own layout: the id is the document's {@code _id}, a many-to-many field an array of ids in the
	 * owner's document, Spring Data's {@code _class} hint written, null fields left out.
	 */
	NATIVE,

	/**
	 * djongo 1.3's layout, as Django reads and writes it: the id is the document field {@code id} (an integer from
	 * djongo's {@code __schema__} counter; {@code _id} is an ObjectId the driver assigns), a many-to-many field rows of
	 * a through collection {@code <table>_<field>}, no {@code _class} key, null fields written as {@code null},
	 * integers as int32 while they fit, decimals with their declared decimal places.
	 */
	DJANGO

}
