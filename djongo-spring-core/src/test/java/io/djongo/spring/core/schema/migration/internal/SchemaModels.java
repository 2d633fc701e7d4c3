package io.djongo.spring.core.schema.migration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.Choices;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.relation.OneToOne;
import io.djongo.spring.core.schema.ModelIndex;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexed;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.TextIndexed;
import org.springframework.data.mongodb.core.index.WildcardIndexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Sharded;
import org.springframework.data.mongodb.core.mapping.ShardingStrategy;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;

/**
 * Models of the schema tests: every kind of index declaration, good and bad, and fields of every kind for the JSON
 * Schema.
 */
final class SchemaModels {

	private SchemaModels() {
	}

	/** A registry over a fresh djongo mapping context, as the template builds it. */
	static ModelRegistry registry(Class<?>... models) {
		DjongoMappingContext context = new DjongoMappingContext();
		context.setSimpleTypeHolder(DjongoConversions.create(List.of()).getSimpleTypeHolder());
		for (Class<?> model : models) {
			context.getRequiredPersistentEntity(model);
		}
		return new ModelRegistry(context);
	}

	@Document("schema_author")
	static class Writer {

		@Id
		Long id;

		String name;

	}

	@ModelContainer
	static class Address {

		@NotBlank
		@Size(max = 40)
		String city;

		String zip;

	}

	enum Status {

		DRAFT, PUBLISHED

	}

	@Document("schema_book")
	@CompoundIndex(name = "author_title", def = "{'author_id': 1, 'title': -1}", unique = true)
	@ModelIndex(fields = { "author", "-published" })
	@ModelIndex(fields = "email", unique = true, partialFilter = "{active: true}", collation = "{locale: 'en', strength: 2}")
	@ModelIndex(fields = "isbn", name = "isbn_fr", collation = "fr")
	static class Book {

		@Id
		Long id;

		@Indexed(unique = true)
		@NotNull
		@Size(min = 10, max = 13)
		@Pattern(regexp = "^[0-9X-]+$")
		String isbn;

		@TextIndexed
		@Size(max = 255)
		String title;

		@Indexed(expireAfter = "1h")
		Instant published;

		@Indexed(sparse = true)
		String email;

		boolean active;

		@Min(0)
		@Max(5)
		int rating;

		BigDecimal price;

		@Choices({ "draft", "published" })
		String state;

		Status status;

		List<String> tags;

		@EmbeddedField(nullable = false)
		Address address;

		@ArrayField
		List<Address> branches;

		Map<String, Object> extra;

		@ForeignKey(onDelete = OnDelete.CASCADE)
		Writer author;

		@OneToOne(onDelete = OnDelete.SET_NULL)
		Writer editor;

		@ManyToMany
		List<Writer> reviewers;

	}

	@Document("schema_place")
	@Sharded(shardKey = { "city", "id" })
	static class Place {

		@Id
		String id;

		String city;

		@GeoSpatialIndexed(type = GeoSpatialIndexType.GEO_2DSPHERE)
		GeoJsonPoint location;

		@WildcardIndexed
		Map<String, Object> attributes;

	}

	@Document("schema_hashed")
	@Sharded(shardingStrategy = ShardingStrategy.HASH)
	static class Hashed {

		@Id
		Long id;

	}

	@Document("bad_ttl")
	static class TtlOnText {

		@Id
		Long id;

		@Indexed(expireAfterSeconds = 60)
		String title;

	}

	@Document("bad_unique_array")
	static class UniqueInArray {

		@Id
		Long id;

		@ArrayField
		@Indexed(unique = true)
		List<Address> branches;

	}

	@Document("bad_unique_array_path")
	@CompoundIndex(def = "{'branches.city': 1}", unique = true)
	static class UniqueThroughArray {

		@Id
		Long id;

		@ArrayField
		List<Address> branches;

	}

	@Document("bad_partial")
	static class UnknownPartialField {

		@Id
		Long id;

		@Indexed(unique = true, partialFilter = "{ 'actve': true }")
		String email;

		boolean active;

	}

	@Document("bad_model_index")
	@ModelIndex(fields = { "title", "autor" })
	static class UnknownModelIndexField {

		@Id
		Long id;

		String title;

	}

}
