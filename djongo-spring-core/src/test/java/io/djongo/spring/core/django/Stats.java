package io.djongo.spring.core.django;

import io.djongo.spring.core.model.ModelContainer;

/** djongo's {@code EmbeddedField(model_container=Stats)}: {@code views = IntegerField(); likes = IntegerField()}. */
@ModelContainer
public class Stats {

	int views;

	int likes;

	public Stats() {
	}

	public Stats(int views, int likes) {
		this.views = views;
		this.likes = likes;
	}

}
