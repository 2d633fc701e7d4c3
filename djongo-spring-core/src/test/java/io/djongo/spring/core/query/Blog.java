package io.djongo.spring.core.query;

import io.djongo.spring.core.model.ModelContainer;
import org.jspecify.annotations.Nullable;

@ModelContainer
public class Blog {

	@Nullable String name;

	@Nullable Integer rating;

	public Blog() {
	}

	public Blog(String name, @Nullable Integer rating) {
		this.name = name;
		this.rating = rating;
	}

}
