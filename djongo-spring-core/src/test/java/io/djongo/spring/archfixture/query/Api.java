package io.djongo.spring.archfixture.query;

import java.util.List;

import io.djongo.spring.archfixture.query.aggregate.Total;
import io.djongo.spring.archfixture.query.internal.Engine;

/** Leaks its engine in public signatures; forms a cycle with {@link Total}. */
public class Api {

	public Engine engine;

	private final Engine hidden;

	public Api(Engine engine) {
		this.engine = engine;
		this.hidden = engine;
	}

	public List<Engine> engines() {
		return List.of(this.hidden);
	}

	public Total total() {
		return new Total(this);
	}

	public String name() {
		return "api";
	}

	Engine hidden() {
		return this.hidden;
	}

}
