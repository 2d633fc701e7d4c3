package io.djongo.spring.samples.blog;

import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.Validators;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * djongo's seed container: a blog embedded in an entry, with no collection of its own.
 */
@ModelContainer
public class Blog {

	@NotBlank
	@Size(max = 100)
	private @Nullable String name;

	@Validators(ScriptInjection.class)
	private @Nullable String tagline;

	public Blog() {
	}

	public Blog(String name, @Nullable String tagline) {
		this.name = name;
		this.tagline = tagline;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getTagline() {
		return this.tagline;
	}

	public void setTagline(@Nullable String tagline) {
		this.tagline = tagline;
	}

}
