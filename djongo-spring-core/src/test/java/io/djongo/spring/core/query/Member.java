package io.djongo.spring.core.query;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The create tests' model: unique by email, and by first and last name together; an ObjectId the client generates.
 */
@Document("qs_member")
@CompoundIndex(name = "full_name", def = "{'first': 1, 'last': 1}", unique = true)
public class Member {

	@Id
	@Nullable ObjectId id;

	@Indexed(unique = true)
	@Nullable String email;

	@Field("first")
	@NotBlank
	@Nullable String firstName;

	@Field("last")
	@Nullable String lastName;

	@Min(0)
	@Nullable Integer age;

	int visits;

	@Nullable String city = "Paris";

	public Member() {
	}

	@Override
	public String toString() {
		return "Member[" + this.email + " " + this.firstName + " " + this.lastName + "]";
	}

}
