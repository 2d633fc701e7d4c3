package io.djongo.spring.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Django's {@code db_functions.DTModel}: the model of its Extract and Trunc tests. */
@Document("fn_dt")
public class DtModel {

	@Id
	@Nullable Long id;

	@Nullable Instant startDatetime;

	@Nullable Instant endDatetime;

	@Nullable LocalDate startDate;

	public DtModel() {
	}

	DtModel(long id, @Nullable String start, @Nullable String end) {
		this.id = id;
		this.startDatetime = (start != null) ? Instant.parse(start) : null;
		this.endDatetime = (end != null) ? Instant.parse(end) : null;
		this.startDate = (start != null) ? LocalDate.ofInstant(this.startDatetime, ZoneOffset.UTC) : null;
	}

}
