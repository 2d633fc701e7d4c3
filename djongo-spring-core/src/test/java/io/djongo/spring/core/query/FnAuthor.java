package io.djongo.spring.core.query;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code db_functions.Author}: the model of its text and comparison function tests. */
@Document("fn_author")
public class FnAuthor {

	@Id
	@Nullable Long id;

	@Nullable String name;

	@Nullable String alias;

	@Nullable String goesBy;

	@Nullable Integer age;

	public FnAuthor() {
	}

	FnAuthor(long id, String name) {
		this.id = id;
		this.name = name;
	}

	FnAuthor alias(@Nullable String alias) {
		this.alias = alias;
		return this;
	}

	FnAuthor goesBy(@Nullable String goesBy) {
		this.goesBy = goesBy;
		return this;
	}

	FnAuthor age(@Nullable Integer age) {
		this.age = age;
		return this;
	}

	@Override
	public String toString() {
		return "FnAuthor[" + this.id + " " + this.name + "]";
	}

}
