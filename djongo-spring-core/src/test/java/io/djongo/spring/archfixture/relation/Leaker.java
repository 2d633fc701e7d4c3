package io.djongo.spring.archfixture.relation;

import io.djongo.spring.archfixture.query.internal.Engine;

/** Uses the query tree's internal engine from another tree. */
class Leaker {

	String use(Engine engine) {
		return engine.toString();
	}

}
