package io.djongo.spring.core.model;

import java.util.List;

import io.djongo.spring.core.django.Author;
import io.djongo.spring.core.django.Post;
import io.djongo.spring.core.django.Tag;
import io.djongo.spring.core.relation.ManyToMany;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Django storage maps a model, without a server: the id as Django's column, references looked up by it, and the
 * through collection Django creates for a many-to-many field, named as Django names it.
 */
class DjangoStorageMappingUnitTests {

	private final DjongoMappingContext context = new DjongoMappingContext();

	private final ModelRegistry models = new ModelRegistry(this.context);

	@Test
	void theIdIsStoredAsDjangosColumn() {
		ModelMetadata post = this.models.metadata(Post.class);
		assertThat(post.storage()).isEqualTo(Storage.DJANGO);
		assertThat(post.idField()).isEqualTo("id");
		assertThat(post.requiredId().storedName()).isEqualTo("id");
		assertThat(post.field("author").storedName()).isEqualTo("author_id");
		assertThat(post.fields()).doesNotContainKey("tags");
		MongoPersistentProperty author = this.context.getRequiredPersistentEntity(Post.class)
			.getRequiredPersistentProperty("author");
		assertThat(author.getDocumentReference().lookup()).isEqualTo("{ 'id' : ?#{#target} }");
		assertThat(author.getDocumentReference().lazy()).isTrue();
		ModelMetadata nativePost = this.models.metadata(io.djongo.spring.core.relation.Post.class);
		assertThat(nativePost.storage()).isEqualTo(Storage.NATIVE);
		assertThat(nativePost.idField()).isEqualTo("_id");
	}

	@Test
	void djongoStorageSettingAppliesToModelsThatDoNotSay() {
		DjongoMappingContext django = new DjongoMappingContext();
		django.setDefaultStorage(Storage.DJANGO);
		ModelRegistry registry = new ModelRegistry(django);
		assertThat(registry.metadata(Plain.class).storage()).isEqualTo(Storage.DJANGO);
		assertThat(registry.metadata(Plain.class).idField()).isEqualTo("id");
		assertThat(registry.metadata(Native.class).idField()).isEqualTo("_id");
		assertThat(this.models.metadata(Plain.class).idField()).isEqualTo("_id");
	}

	@Test
	void aManyToManyIsCarriedByTheThroughCollectionDjangoCreates() {
		Relation tags = this.models.metadata(Post.class).throughRelations().get("tags");
		Relation.Through through = tags.through();
		assertThat(through.isAutoCreated()).isTrue();
		assertThat(through.collection()).isEqualTo("blog_post_tags");
		assertThat(through.toOwner().storedField()).isEqualTo("post_id");
		assertThat(through.toTarget().storedField()).isEqualTo("tag_id");
		assertThat(tags.relatedName()).isEqualTo("post");
		assertThat(this.models.reverseRelation(Tag.class, "post")).isSameAs(tags);

		Relation.Through self = this.models.metadata(Person.class).throughRelations().get("friends").through();
		assertThat(self.collection()).isEqualTo("people_friends");
		assertThat(self.toOwner().storedField()).isEqualTo("from_person_id");
		assertThat(self.toTarget().storedField()).isEqualTo("to_person_id");
		Relation.Through named = this.models.metadata(Person.class).throughRelations().get("groups").through();
		assertThat(named.collection()).isEqualTo("auth_person_groups");
		assertThat(named.toOwner().storedField()).isEqualTo("member_id");
		assertThat(named.toTarget().storedField()).isEqualTo("club_id");
	}

	@Test
	void djongosObjectIdPrimaryKeyStaysTheDocumentsId() {
		ModelMetadata keyed = this.models.metadata(ObjectIdKeyed.class);
		assertThat(keyed.idField()).isEqualTo("_id");
		assertThat(this.context.getRequiredPersistentEntity(Referring.class)
			.getRequiredPersistentProperty("keyed")
			.getDocumentReference()
			.lookup()).isEqualTo("{ '_id' : ?#{#target} }");
	}

	@Test
	void longThroughTablesAreCutAsDjangoCutsThem() {
		assertThat(DjangoThrough.truncate("a_really_long_application_label_and_model_table_with_many_tags", 60))
			.isEqualTo("a_really_long_application_label_and_model_table_with_man4092");
		assertThat(DjangoThrough.truncate("blog_post_tags", 60)).isEqualTo("blog_post_tags");
	}

	@Document("plain")
	static class Plain {

		@Id
		Long id;

	}

	@Document("native")
	@Model(storage = Storage.NATIVE)
	static class Native {

		@Id
		Long id;

	}

	/** djongo's {@code _id = ObjectIdField()} as primary key. */
	@Document("keyed")
	@Model(storage = Storage.DJANGO)
	static class ObjectIdKeyed {

		@Id
		@org.springframework.data.mongodb.core.mapping.Field("_id")
		org.bson.types.ObjectId id;

	}

	@Document("referring")
	@Model(storage = Storage.DJANGO)
	static class Referring {

		@Id
		Long id;

		@io.djongo.spring.core.relation.ForeignKey(onDelete = io.djongo.spring.core.relation.OnDelete.CASCADE)
		ObjectIdKeyed keyed;

	}

	@Document("people")
	@Model(storage = Storage.DJANGO)
	static class Person {

		@Id
		Long id;

		@ManyToMany
		List<Person> friends;

		@ManyToMany(dbTable = "auth_person_groups", throughFields = { "member", "club" })
		List<Author> groups;

	}

}
