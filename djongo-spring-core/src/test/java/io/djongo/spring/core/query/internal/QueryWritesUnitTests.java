package io.djongo.spring.core.query.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.Post;
import io.djongo.spring.core.relation.Tag;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code update} and {@code delete} commands of QuerySets, without a server, compared with what the driver's
 * {@link Updates} and {@link Filters} builders make.
 */
class QueryWritesUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Article> articles() {
		return this.engine.objects(Article.class);
	}

	Command.Update update(QuerySet<?> qs, Map<String, ?> values) {
		Command.Update update = new QueryWrites(this.engine).update(plan(qs), values);
		assertThat(update).isNotNull();
		return update;
	}

	static BsonDocument updateOf(Command.Update update) {
		return bson(new Document("u", update.update())).getDocument("u");
	}

	@Test
	void plainValuesAreSetInTheirStoredForm() {
		Command.Update update = update(articles().filter("rating", 3), Map.of("body", "new"));
		assertThat(bson(update.filter())).isEqualTo(bson(new Document("rating", new Document("$eq", 3))));
		assertThat(updateOf(update)).isEqualTo(bson(Updates.set("text", "new")));
		assertThat(bson(update.document())).isEqualTo(bson(new Document("update", "qs_article").append("updates",
				List.of(new Document("q", update.filter()).append("u", update.update()).append("multi", true)))));
	}

	@Test
	void nullIsSetAndAPrimitiveRefusesIt() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("rating", null);
		assertThat(updateOf(update(articles(), values))).isEqualTo(bson(Updates.set("rating", null)));
		Map<String, Object> views = new LinkedHashMap<>();
		views.put("views", null);
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> update(articles(), views));
	}

	@Test
	void fIncrementOfAPrimitiveIsIncAndMul() {
		assertThat(updateOf(update(articles(), Map.of("views", F.of("views").plus(1)))))
			.isEqualTo(bson(Updates.inc("views", 1)));
		assertThat(updateOf(update(articles(), Map.of("views", F.of("views").minus(2)))))
			.isEqualTo(bson(Updates.inc("views", -2)));
		assertThat(updateOf(update(articles(), Map.of("views", F.of("views").times(3)))))
			.isEqualTo(bson(Updates.mul("views", 3)));
	}

	@Test
	void fArithmeticOnANullableFieldIsAPipelineUpdate() {
		Command.Update update = update(articles(), Map.of("rating", F.of("rating").plus(F.of("views"))));
		assertThat(update.update()).isEqualTo(List.of(new Document("$set",
				new Document("rating", new Document("$add", List.of("$rating", "$views"))))));
	}

	@Test
	void relationsAreSetToTheIdsTheyStore() {
		QuerySet<Post> posts = this.engine.objects(Post.class);
		assertThat(updateOf(update(posts, Map.of("tags", List.of(new Tag(1, "a"), 2L)))))
			.isEqualTo(bson(Updates.set("tags", List.of(1L, 2L))));
		assertThat(updateOf(update(posts, Map.of("author", 7)))).isEqualTo(bson(Updates.set("author_id", 7L)));
		assertThatExceptionOfType(InvalidLookupException.class).isThrownBy(() -> update(posts, Map.of("tags", 1L)));
	}

	@Test
	void onlyTheModelsOwnFieldsCanBeUpdated() {
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> update(articles(), Map.of("id", 2L)));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> update(articles(), Map.of("blog__name", "x")));
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> update(articles(), Map.of("rating__gt", 1)));
	}

	@Test
	void aWriteOfAKnownEmptyQuerySetIsNothing() {
		assertThat(new QueryWrites(this.engine).update(plan(articles().none()), Map.of("views", 1))).isNull();
		assertThat(new QueryWrites(this.engine).delete(plan(articles().filter("pk__in", List.of())))).isNull();
	}

	@Test
	void aDeleteIsHandedItsFilter() {
		Command.Delete delete = new QueryWrites(this.engine).delete(plan(articles().filter("rating__lt", 2)));
		assertThat(delete).isNotNull();
		assertThat(bson(delete.document())).isEqualTo(bson(new Document("delete", "qs_article")
			.append("deletes", List.of(new Document("q", Filters.lt("rating", 2)).append("limit", 0)))));
	}

}
