package io.djongo.spring.core.schema.internal;

import java.util.List;

import com.mongodb.bulk.BulkWriteError;

/**
 * The exception of an insert of several models that the server refused in part, saying which models failed, which
 * were written and which were not attempted.
 */
@FunctionalInterface
public interface BulkFailure {

	/**
	 * @param models the models in the order they were given
	 * @param ordered whether the write stopped at the first failure
	 * @param errors the server's errors, indexed by position among the models
	 * @param cause what the insert raised
	 */
	RuntimeException of(List<?> models, boolean ordered, List<BulkWriteError> errors, Throwable cause);

}
