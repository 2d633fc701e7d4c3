package io.djongo.spring.core.query;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code expressions_case.CaseTestModel}: the model of its conditional expression tests. */
@Document("case_model")
public class CaseModel {

	@Id
	@Nullable Long id;

	@Nullable Integer integer;

	@Nullable Integer integer2;

	@Nullable String string;

	@Transient
	@Nullable Object test;

	public CaseModel() {
	}

	CaseModel(long id, int integer, int integer2, String string) {
		this.id = id;
		this.integer = integer;
		this.integer2 = integer2;
		this.string = string;
	}

}
