package io.djongo.spring.archfixture.autoconfigure;

import io.djongo.spring.archfixture.query.internal.Engine;

/** Another module's code that builds an internal engine itself. */
class Config {

	Engine engine() {
		return new Engine();
	}

}
