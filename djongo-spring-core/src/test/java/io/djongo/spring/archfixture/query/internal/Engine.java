package io.djongo.spring.archfixture.query.internal;

import io.djongo.spring.archfixture.bridge.Template;

/** Depends on the composition root, which internal code must not. */
public class Engine {

	public String run(Template template) {
		return template.toString();
	}

}
