package io.djongo.spring.core.model;

import java.util.ArrayList;
import java.util.List;

import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.ManyToMany;
import io.djongo.spring.core.relation.OnDelete;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reverse relations of the registry: indexed once for the models the mapping context knows, and indexed again
 * when it learns another one, which may point at those already known.
 */
class ModelRegistryUnitTests {

	private final DjongoMappingContext context = new DjongoMappingContext();

	private final ModelRegistry registry = new ModelRegistry(this.context);

	@Test
	void reverseRelationsAreWorkedOutOnceForTheKnownModels() {
		this.context.getRequiredPersistentEntity(Writer.class);
		this.context.getRequiredPersistentEntity(Essay.class);

		List<Relation> first = this.registry.relationsTo(Writer.class);

		assertThat(first).extracting(Relation::owner, Relation::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Essay.class, "writer"));
		assertThat(this.registry.relationsTo(Writer.class)).isSameAs(first);
		assertThat(this.registry.relationsTo(Essay.class)).isEmpty();
		assertThat(this.registry.reverseRelation(Writer.class, "essays")).isSameAs(first.get(0));
		assertThat(this.registry.reverseRelation(Writer.class, "reviews")).isNull();
	}

	@Test
	void aModelTheContextLearnsLaterIsSeenToo() {
		this.context.getRequiredPersistentEntity(Writer.class);
		assertThat(this.registry.relationsTo(Writer.class)).isEmpty();

		this.context.getRequiredPersistentEntity(Review.class);

		assertThat(this.registry.relationsTo(Writer.class)).extracting(Relation::relatedName)
			.containsExactly("reviews");
		assertThat(this.registry.reverseRelation(Writer.class, "reviews")).isNotNull();
	}

	@Test
	void aThroughModelsManyToManyIsFoundFromItsTarget() {
		this.context.getRequiredPersistentEntity(Club.class);

		assertThat(this.registry.throughRelationsTo(Writer.class)).extracting(Relation::relatedName)
			.containsExactly("clubs");
		assertThat(this.registry.reverseRelation(Writer.class, "clubs")).isNotNull();
	}

	@Document("reg_writer")
	static class Writer {

		@Id
		@Nullable Long id;

	}

	@Document("reg_essay")
	static class Essay {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "essays")
		@Nullable Writer writer;

	}

	@Document("reg_review")
	static class Review {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.DO_NOTHING, relatedName = "reviews")
		@Nullable Writer writer;

	}

	@Document("reg_club")
	static class Club {

		@Id
		@Nullable Long id;

		@ManyToMany(through = ClubMember.class, relatedName = "clubs")
		List<Writer> members = new ArrayList<>();

	}

	@Document("reg_club_member")
	static class ClubMember {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.CASCADE)
		@Nullable Club club;

		@ForeignKey(onDelete = OnDelete.CASCADE)
		@Nullable Writer writer;

	}

}
