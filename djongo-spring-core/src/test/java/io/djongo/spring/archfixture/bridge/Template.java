package io.djongo.spring.archfixture.bridge;

import io.djongo.spring.archfixture.query.internal.Engine;

/** The composition root: builds the engine, which it may, without exposing it. */
public class Template {

	private final Engine engine = new Engine();

	public String run() {
		return this.engine.run(this);
	}

}
