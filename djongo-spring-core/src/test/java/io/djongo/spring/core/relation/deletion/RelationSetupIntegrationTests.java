package io.djongo.spring.core.relation.deletion;

import java.util.List;

import com.mongodb.client.model.Filters;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.relation.ForeignKey;
import io.djongo.spring.core.relation.InvalidRelationException;
import io.djongo.spring.core.relation.OnDelete;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import jakarta.validation.constraints.NotNull;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What start-up checks and creates for relations: on_delete rules that cannot be honoured fail naming the model and
 * field; one-to-one fields get a sparse unique index from the index step.
 */
class RelationSetupIntegrationTests {

	@Test
	void setNullOnAFieldDeclaredNotNullableFailsNamingModelAndField() {
		assertThatExceptionOfType(InvalidRelationException.class).isThrownBy(() -> check(NotNullableSetNull.class))
			.withMessageStartingWith("NotNullableSetNull.author: on_delete SET_NULL needs a field that can be null;"
					+ " it is declared nullable = false")
			.satisfies((ex) -> {
				assertThat(ex.getModel()).isEqualTo(NotNullableSetNull.class.getName());
				assertThat(ex.getField()).isEqualTo("author");
			});
	}

	@Test
	void setNullOnANotNullFieldFails() {
		assertThatExceptionOfType(InvalidRelationException.class).isThrownBy(() -> check(NotNullSetNull.class))
			.withMessageStartingWith("NotNullSetNull.author: on_delete SET_NULL needs a field that can be null;"
					+ " it is declared @NotNull");
	}

	@Test
	void setDefaultWithoutANoArgumentConstructorFails() {
		assertThatExceptionOfType(InvalidRelationException.class).isThrownBy(() -> check(NoConstructorSetDefault.class))
			.withMessageContaining("NoConstructorSetDefault.author: on_delete SET_DEFAULT takes the default from a"
					+ " model made by the no-argument constructor");
	}

	@Test
	void setDefaultWithANullDefaultOnANotNullableFieldFails() {
		assertThatExceptionOfType(InvalidRelationException.class).isThrownBy(() -> check(NullDefaultSetDefault.class))
			.withMessageContaining("NullDefaultSetDefault.author: on_delete SET_DEFAULT needs a default");
	}

	@Test
	void wellDeclaredRelationsPass() {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("declared"),
				Review.class, Profile.class, Comment.class, Pin.class);
		assertThatNoException().isThrownBy(template::prepareRelations);
	}

	@Test
	void aOneToOneGetsASparseUniqueIndexAndADuplicateIsRefused() {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("onetoone"),
				Profile.class, Post.class);
		assertThat(template.prepareRelations()).extracting(Relation::field).containsExactly("author");
		// the one-to-one's index is one of the model's indexes, created by the index step
		assertThat(template.schema().indexes(IndexMode.CREATE)).extracting(IndexState::name).contains("author_id_1");
		Document index = template.mongo(Profile.class).listIndexes().into(new java.util.ArrayList<>()).stream()
			.filter((candidate) -> candidate.get("key", Document.class).containsKey("author_id"))
			.findFirst()
			.orElseThrow();
		assertThat(index).containsEntry("unique", true).containsEntry("sparse", true);
		Author ann = template.insert(new Author(1L, "Ann"));
		Author bob = template.insert(new Author(2L, "Bob"));
		template.insert(new Profile(1L, "first", ann));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> template.insert(new Profile(2L, "second", ann)));
		template.insert(new Profile(3L, "no author", null));
		template.insert(new Profile(4L, "no author either", null));
		template.insert(new Profile(5L, "Bob's", bob));
		// SET_NULL unsets the reference, so two profiles losing their authors do not collide
		template.objects(Author.class).delete();
		assertThat(template.mongo(Profile.class).countDocuments(Filters.exists("author_id"))).isZero();
		assertThat(template.objects(Profile.class).count()).isEqualTo(4);
		assertThat(template.prepareRelations()).hasSize(1);
		assertThat(template.schema().indexes(IndexMode.CREATE)).filteredOn((state) -> state.name().equals("author_id_1"))
			.extracting(IndexState::status)
			.containsExactly(IndexState.Status.PRESENT);
	}

	private static void check(Class<?> model) {
		// a declaration that cannot be honoured fails before any index is created
		DjongoTestConfiguration.template("never_used", model).prepareRelations();
	}

	@org.springframework.data.mongodb.core.mapping.Document("bad_not_nullable")
	static class NotNullableSetNull {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.SET_NULL, nullable = false)
		@Nullable Author author;

	}

	@org.springframework.data.mongodb.core.mapping.Document("bad_not_null")
	static class NotNullSetNull {

		@Id
		@Nullable Long id;

		@NotNull
		@ForeignKey(onDelete = OnDelete.SET_NULL)
		@Nullable Author author;

	}

	@org.springframework.data.mongodb.core.mapping.Document("bad_no_constructor")
	static class NoConstructorSetDefault {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.SET_DEFAULT)
		Author author;

		NoConstructorSetDefault(Author author) {
			this.author = author;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("bad_null_default")
	static class NullDefaultSetDefault {

		@Id
		@Nullable Long id;

		@ForeignKey(onDelete = OnDelete.SET_DEFAULT, nullable = false)
		@Nullable Author author;

	}

}
