package io.djongo.spring.core.relation;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.relation.deletion.Profile;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code QuerySet.update(...)} of relation fields stores ids, as a save does.
 */
class RelationUpdateIntegrationTests {

	DjongoTemplate template;

	Author ann;

	Author bob;

	@BeforeEach
	void data() {
		this.template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("relupdate"), Author.class,
				Post.class, Tag.class, Profile.class, io.djongo.spring.core.relation.deletion.Author.class);
		this.ann = this.template.insert(new Author(1, "Ann"));
		this.bob = this.template.insert(new Author(2, "Bob"));
		Tag java = this.template.insert(new Tag(1, "java"));
		this.template.insert(new Tag(2, "python"));
		this.template.insertAll(List.of(new Post(1, "a", 1, this.ann, java), new Post(2, "b", 2, this.ann)));
	}

	Document stored(long id) {
		return this.template.mongo(Post.class).find(new Document("_id", id)).first();
	}

	@Test
	void aForeignKeyIsUpdatedWithAModelOrAnId() {
		assertThat(this.template.objects(Post.class).filter("pk", 1).update("author", this.bob)).isEqualTo(1);
		assertThat(stored(1)).containsEntry("author_id", 2L);
		this.template.objects(Post.class).filter("pk", 2).update("author", "2");
		assertThat(stored(2)).containsEntry("author_id", 2L);
		assertThat(this.template.objects(Post.class).filter("author__name", "Bob").count()).isEqualTo(2);
		this.template.objects(Post.class).filter("pk", 2).update("author", null);
		assertThat(this.template.objects(Post.class).filter("author__isnull", true).count()).isEqualTo(1);
	}

	@Test
	void aManyToManyIsUpdatedWithModelsOrIds() {
		Tag python = this.template.objects(Tag.class).get("name", "python");
		this.template.objects(Post.class).update("tags", List.of(python, 1L));
		assertThat(stored(1).getList("tags", Long.class)).containsExactly(2L, 1L);
		assertThat(this.template.objects(Post.class).filter("tags__name", "python").count()).isEqualTo(2);
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> this.template.objects(Post.class).update("tags", python))
			.withMessageContaining("many-to-many");
		assertThatExceptionOfType(InvalidLookupException.class)
			.isThrownBy(() -> this.template.objects(Post.class).update("author", new Author()))
			.withMessageContaining("has no id yet");
	}

	@Test
	void aOneToOneSetToNullIsUnsetSoItsSparseIndexHolds() {
		this.template.schema().indexes(io.djongo.spring.core.schema.IndexMode.CREATE);
		io.djongo.spring.core.relation.deletion.Author writer = this.template
			.insert(new io.djongo.spring.core.relation.deletion.Author(7L, "Writer"));
		this.template.insertAll(List.of(new Profile(1L, "one", writer), new Profile(2L, "two", null)));
		this.template.objects(Profile.class).filter("pk", 1).update("author", null);
		Document first = this.template.mongo(Profile.class).find(new Document("_id", 1L)).first();
		assertThat(first).doesNotContainKey("author_id");
		this.template.insert(new Profile(3L, "three", null));
		assertThat(this.template.objects(Profile.class).filter("author__isnull", true).count()).isEqualTo(3);
	}

}
