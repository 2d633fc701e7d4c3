package io.djongo.spring.core.django;

import io.djongo.spring.core.model.ModelContainer;

/** djongo's {@code ArrayField(model_container=Comment)}: {@code who = CharField(); text = TextField()}. */
@ModelContainer
public class Comment {

	String who;

	String text;

	public Comment() {
	}

	public Comment(String who, String text) {
		this.who = who;
		this.text = text;
	}

}
