package io.djongo.spring.archfixture.query.aggregate;

import io.djongo.spring.archfixture.query.Api;

/** Refers back to {@link Api}: the cycle. */
public class Total {

	private final Api api;

	public Total(Api api) {
		this.api = api;
	}

	public String of() {
		return this.api.name();
	}

}
