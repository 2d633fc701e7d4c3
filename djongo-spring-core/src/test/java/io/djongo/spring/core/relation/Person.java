package io.djongo.spring.core.relation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_person")
public class Person {

	@Id
	@Nullable Long id;

	@Nullable String name;

	@ManyToMany(through = Membership.class, relatedName = "members")
	@Nullable List<Group> groups;

	public Person() {
	}

	public Person(long id, String name) {
		this.id = id;
		this.name = name;
	}

}
