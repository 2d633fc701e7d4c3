package io.djongo.spring.core.bulk;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A bulk write the server refused in part: its {@link #getResult() result} says what was written and which
 * operations were refused (with ordered writes, what came after the first refusal was not attempted).
 */
public class BulkWriteException extends DataIntegrityViolationException {

	private final BulkResult result;

	public BulkWriteException(String model, BulkResult result, Throwable cause) {
		super(model + ": " + result.errors().size() + " operation(s) of the bulk write refused, first "
				+ result.errors().get(0) + "; written: " + result.inserted() + " inserted, " + result.modified()
				+ " modified, " + result.deleted() + " deleted, " + result.upserted() + " upserted", cause);
		this.result = result;
	}

	/** What was written and what was refused. */
	public BulkResult getResult() {
		return this.result;
	}

}
