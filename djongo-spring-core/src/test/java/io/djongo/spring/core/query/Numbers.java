package io.djongo.spring.core.query;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Django's {@code DecimalModel}, {@code FloatModel} and {@code IntegerModel} in one: the model of its math function
 * tests.
 */
@Document("fn_numbers")
public class Numbers {

	@Id
	@Nullable Long id;

	@Nullable BigDecimal n1;

	@Nullable BigDecimal n2;

	@Nullable Double f1;

	@Nullable Double f2;

	@Nullable Integer small;

	@Nullable Integer normal;

	@Nullable Long big;

	public Numbers() {
	}

	Numbers(long id) {
		this.id = id;
	}

	Numbers decimals(@Nullable String n1, @Nullable String n2) {
		this.n1 = (n1 != null) ? new BigDecimal(n1) : null;
		this.n2 = (n2 != null) ? new BigDecimal(n2) : null;
		return this;
	}

	Numbers floats(@Nullable Double f1, @Nullable Double f2) {
		this.f1 = f1;
		this.f2 = f2;
		return this;
	}

	Numbers integers(@Nullable Integer small, @Nullable Integer normal, @Nullable Long big) {
		this.small = small;
		this.normal = normal;
		this.big = big;
		return this;
	}

}
