package io.djongo.spring.core.relation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("rel_membership")
public class Membership {

	@Id
	@Nullable Long id;

	@ForeignKey(onDelete = OnDelete.CASCADE)
	@Nullable Person person;

	@ForeignKey(onDelete = OnDelete.CASCADE)
	@Nullable Group group;

	@Nullable LocalDate joined;

	public Membership() {
	}

	public Membership(long id, Person person, Group group, String joined) {
		this.id = id;
		this.person = person;
		this.group = group;
		this.joined = LocalDate.parse(joined);
	}

}
