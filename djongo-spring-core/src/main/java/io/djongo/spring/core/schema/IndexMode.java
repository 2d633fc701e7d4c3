package io.djongo.spring.core.schema;

/**
 * What djongo does with the indexes the models declare, once at start-up ({@code djongo.indexes}).
 */
public enum IndexMode {

	/**
	 * Creates the missing ones; an index that exists with other options is reported in one WARN line and left as it
	 * is, never dropped or rebuilt. Without the privilege to create indexes, one WARN names what is missing.
	 */
	CREATE,

	/** Creates nothing: start-up fails on any missing or different index. */
	VERIFY,

	/** Neither creates nor checks. */
	OFF

}
