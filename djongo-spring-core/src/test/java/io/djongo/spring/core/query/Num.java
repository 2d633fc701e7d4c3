package io.djongo.spring.core.query;

import io.djongo.spring.core.model.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code queries.Number}: the combinator and earliest/latest tests' model. */
@Document("qs_num")
@Model(getLatestBy = "num")
public class Num {

	@Id
	@Nullable Long id;

	int num;

	@Nullable Integer otherNum;

	public Num() {
	}

	Num(long id, int num, @Nullable Integer otherNum) {
		this.id = id;
		this.num = num;
		this.otherNum = otherNum;
	}

	public int num() {
		return this.num;
	}

	@Override
	public String toString() {
		return "Num[" + this.num + "]";
	}

}
