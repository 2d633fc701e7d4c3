package io.djongo.spring.core.transaction;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * {@code djongo.transactions=required} on a deployment that runs no multi-document transactions: a standalone
 * server (the embedded server is one), or a template built without the client's cluster description.
 */
public class TransactionsUnavailableException extends InvalidDataAccessResourceUsageException {

	private final String deployment;

	/**
	 * @param deployment what the deployment is, as the driver describes it ({@code "a standalone server"})
	 */
	public TransactionsUnavailableException(String deployment) {
		super("djongo.transactions is 'required' but " + deployment + " runs no multi-document transactions:"
				+ " MongoDB runs them on a replica set member or through mongos");
		this.deployment = deployment;
	}

	/** What the deployment is, as the driver describes it. */
	public String getDeployment() {
		return this.deployment;
	}

}
