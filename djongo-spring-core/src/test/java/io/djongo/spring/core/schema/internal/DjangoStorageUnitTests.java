package io.djongo.spring.core.schema.internal;

import java.math.BigDecimal;
import java.util.List;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import io.djongo.spring.core.django.Author;
import io.djongo.spring.core.django.Post;
import io.djongo.spring.core.django.Tag;
import io.djongo.spring.core.model.DjongoConversions;
import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.schema.internal.DjangoIndexes.DjangoIndex;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Django storage writes, without a server: djongo's shape of a converted document, the {@code __schema__}
 * entries and djongo's indexes, named as Django 2.2 and 3.2 name them (the expected names computed with Django's own
 * {@code _create_index_name}).
 */
class DjangoStorageUnitTests {

	private final DjongoMappingContext context = new DjongoMappingContext();

	private final MappingMongoConverter converter;

	DjangoStorageUnitTests() {
		MongoCustomConversions conversions = DjongoConversions.create();
		this.context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		this.converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, this.context);
		this.converter.setCustomConversions(conversions);
		this.converter.afterPropertiesSet();
	}

	@Test
	void indexNamesAreDjangos() {
		assertThat(DjangoIndexes.indexName("blog_post", List.of("author_id"), "")).isEqualTo(
				"blog_post_author_id_dd7a8485");
		assertThat(DjangoIndexes.indexName("blog_post_tags", List.of("post_id", "tag_id"), "_uniq")).isEqualTo(
				"blog_post_tags_post_id_tag_id_4925ec37_uniq");
		// longer than djongo's 60 characters: Django's shortened form
		assertThat(DjangoIndexes.indexName("a_really_long_application_label_and_model_table",
				List.of("some_rather_long_column_id", "another_id"), "_uniq"))
			.isEqualTo("a_really_long_applicat_some_rather_long_colum_c1aaa549_uniq");
	}

	@Test
	void aModelsIndexesAreDjongos() {
		ModelRegistry models = new ModelRegistry(this.context);
		List<DjangoIndex> indexes = DjangoIndexes.of(models.metadata(Post.class));
		assertThat(indexes).extracting(DjangoIndex::collection, DjangoIndex::name, (index) -> index.keys().toJson(),
				(index) -> index.options().getBoolean("unique", false))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("blog_post", "__primary_key__", "{\"id\": 1}", true),
					org.assertj.core.groups.Tuple.tuple("blog_post", "blog_post_author_id_dd7a8485",
							"{\"author_id\": 1}", false),
					org.assertj.core.groups.Tuple.tuple("blog_post_tags", "__primary_key__", "{\"id\": 1}", true),
					org.assertj.core.groups.Tuple.tuple("blog_post_tags", "blog_post_tags_post_id_tag_id_4925ec37_uniq",
							"{\"post_id\": 1, \"tag_id\": 1}", true),
					org.assertj.core.groups.Tuple.tuple("blog_post_tags", "blog_post_tags_post_id_a1c71c8a",
							"{\"post_id\": 1}", false),
					org.assertj.core.groups.Tuple.tuple("blog_post_tags", "blog_post_tags_tag_id_0875c551",
							"{\"tag_id\": 1}", false));
		assertThat(DjangoIndexes.of(models.metadata(io.djongo.spring.core.relation.Post.class))).isEmpty();
	}

	@Test
	void schemaEntriesAreThoseOfDjongosCreateTable() {
		ModelRegistry models = new ModelRegistry(this.context);
		Document post = DjangoSchema.counter(this.context.getRequiredPersistentEntity(Post.class), this.context)
			.entry();
		assertThat(post.toJson()).isEqualTo("{\"fields\": {\"id\": {\"type_code\": \"int\"}, \"title\": {\"type_code\":"
				+ " \"string\"}, \"rating\": {\"type_code\": \"int\"}, \"author_id\": {\"type_code\": \"int\"},"
				+ " \"stats\": {\"type_code\": \"object\"}, \"comments\": {\"type_code\": \"array\"}, \"score\":"
				+ " {\"type_code\": \"decimal\"}}, \"auto\": {\"seq\": 0, \"field_names\": [\"id\"]}}");
		Document through = DjangoSchema
			.throughCounter(models.metadata(Post.class).throughRelations().get("tags"), this.context)
			.entry();
		assertThat(through.toJson()).isEqualTo("{\"fields\": {\"id\": {\"type_code\": \"int\"}, \"post_id\":"
				+ " {\"type_code\": \"int\"}, \"tag_id\": {\"type_code\": \"int\"}}, \"auto\": {\"seq\": 0,"
				+ " \"field_names\": [\"id\"]}}");
	}

	@Test
	void aConvertedDocumentGetsDjongosShape() {
		Author ann = new Author("Ann");
		ReflectionTestUtils.setField(ann, "id", 1L);
		Post post = new Post("Hello", ann);
		ReflectionTestUtils.setField(post, "id", 7L);
		ReflectionTestUtils.setField(post, "score", new BigDecimal("4.5"));
		ReflectionTestUtils.setField(post, "stats", new io.djongo.spring.core.django.Stats(100, 10));
		Document document = new Document();
		this.converter.write(post, document);
		assertThat(document).containsKey("_class").doesNotContainKey("rating");

		new DjangoDocuments(this.context).shape(Post.class, document);

		assertThat(document.keySet()).containsExactly("id", "title", "rating", "author_id", "stats", "comments",
				"score");
		assertThat(document).containsEntry("id", 7)
			.containsEntry("rating", null)
			.containsEntry("author_id", 1)
			.containsEntry("comments", null)
			.containsEntry("score", Decimal128.parse("4.50"))
			.containsEntry("stats", new Document("views", 100).append("likes", 10));
		Document native_ = new Document();
		this.converter.write(new io.djongo.spring.core.relation.Tag(), native_);
		new DjangoDocuments(this.context).shape(io.djongo.spring.core.relation.Tag.class, native_);
		assertThat(native_).containsKey("_class");
		assertThat(new DjangoDocuments(this.context).shapes(Tag.class)).isTrue();
	}

	@Test
	void aUserWhoMayNotCreateIsToldRatherThanStopped() {
		ServerAddress server = new ServerAddress();
		MongoCommandException unauthorized = new MongoCommandException(
				new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(13))
					.append("errmsg", new BsonString("not authorized on blog to execute command")),
				server);
		assertThat(DjangoCollections.isUnauthorized(new RuntimeException(unauthorized))).isTrue();
		assertThat(DjangoCollections.isUnauthorized(new MongoCommandException(
				new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(85)), server))).isFalse();
	}

	@Test
	void integersAreInt32WhileTheyFitAsPythonWritesThem() {
		assertThat(DjangoDocuments.int32(5L)).isEqualTo(5);
		assertThat(DjangoDocuments.int32(5_000_000_000L)).isEqualTo(5_000_000_000L);
		assertThat(DjangoDocuments.int32(new Document("a", List.of(1L, new Document("b", 2L)))))
			.isEqualTo(new Document("a", List.of(1, new Document("b", 2))));
		assertThat(IdCounters.pythonInt(Integer.MAX_VALUE + 1L)).isEqualTo(Integer.MAX_VALUE + 1L);
	}

}
