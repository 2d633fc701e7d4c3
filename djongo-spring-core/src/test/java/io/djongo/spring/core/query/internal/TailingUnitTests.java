package io.djongo.spring.core.query.internal;

import java.time.Duration;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.Event;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.OrderedNote;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.core.relation.Post;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static io.djongo.spring.core.query.internal.OfflineEngine.bson;
import static io.djongo.spring.core.query.internal.OfflineEngine.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The find of {@code tail()} without a server, compared with MongoDB's documented shape of a tailable, await-data
 * find (built with the driver's {@link Filters} and {@link Projections}), and the chains a tailable cursor cannot
 * honour, refused before anything is sent (the engine is offline: sending would fail on the server selection).
 */
class TailingUnitTests {

	final QueryEngine engine = OfflineEngine.create();

	QuerySet<Event> events() {
		return this.engine.objects(Event.class);
	}

	static BsonDocument tail(QuerySet<?> qs, Duration maxAwait) {
		Command.Tail command = Tailing.command(plan(qs), maxAwait);
		assertThat(command).isNotNull();
		return bson(command.document());
	}

	@Test
	void aTailIsAFindWithTheTailableAndAwaitDataOptionsAndNoSort() {
		BsonDocument expected = new BsonDocument("find", new BsonString("qs_event"))
			.append("filter", bson(Filters.and(new org.bson.Document("kind", new org.bson.Document("$eq", "login")),
					Filters.gte("n", 3))))
			.append("tailable", BsonBoolean.TRUE)
			.append("awaitData", BsonBoolean.TRUE);
		assertThat(tail(events().filter("kind", "login").filter("n__gte", 3), Duration.ofSeconds(2)))
			.isEqualTo(expected);
	}

	@Test
	void theWaitOfEachGetMoreIsNotPartOfTheFind() {
		Command.Tail command = Tailing.command(plan(events()), Duration.ofMillis(250));
		assertThat(command).isNotNull();
		assertThat(command.maxAwait()).isEqualTo(Duration.ofMillis(250));
		assertThat(command.document()).doesNotContainKeys("maxTimeMS", "maxAwaitTimeMS");
		assertThat(Tailing.command(plan(events()), null)).isNotNull()
			.extracting(Command.Tail::maxAwait).isNull();
	}

	@Test
	void onlyAndDeferAreTheFindsProjection() {
		assertThat(tail(events().only("kind"), Duration.ofSeconds(1)).get("projection"))
			.isEqualTo(bson(Projections.include("kind")));
		assertThat(tail(events().defer("n"), Duration.ofSeconds(1)).get("projection"))
			.isEqualTo(bson(Projections.exclude("n")));
	}

	@Test
	void aQuerySetKnownToBeEmptyHasNoTail() {
		assertThat(Tailing.command(plan(events().none()), null)).isNull();
		assertThat(Tailing.command(plan(events().filter("pk__in", java.util.List.of())), null)).isNull();
	}

	@Test
	void anOrderingIsRefusedTheDefaultOneIncluded() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(events().orderBy("-n")), null))
			.withMessage("Event.tail(): a tailable cursor returns documents in insertion (natural) order and cannot"
					+ " sort them; remove the ordering");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(this.engine.objects(OrderedNote.class)), null))
			.withMessageEndingWith("(orderBy() with no fields clears the model's default ordering [-id])");
		assertThat(Tailing.command(plan(this.engine.objects(OrderedNote.class).orderBy()), null)).isNotNull();
	}

	@Test
	void aSliceIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(events().slice(0, 5)), null))
			.withMessage("Event.tail(): a tailable cursor cannot skip or limit; read as many as you need from the"
					+ " stream (limit(n)) instead of slicing the QuerySet");
	}

	@Test
	void whatNeedsAnAggregateIsRefused() {
		for (QuerySet<?> chain : java.util.List.of(events().annotate("twice", F.of("n").times(2)),
				events().alias("twice", F.of("n").times(2)).filter("twice__gt", 2),
				this.engine.objects(Post.class).filter("author__name", "Ann"),
				this.engine.objects(Post.class).selectRelated("author"), events().values("kind").distinct())) {
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> Tailing.command(plan(chain), null))
				.withMessageContaining(".tail(): a tailable cursor is a find; annotations, aliases, relations crossed,"
						+ " selectRelated and distinct need an aggregate, which cannot tail");
		}
	}

	@Test
	void aTextSearchIsRefused() {
		// a tailable cursor uses no index (MongoDB's tailable cursors page); $text needs the text index
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(events().search("login")), null))
			.withMessage("Event.tail(): a tailable cursor uses no index, and a text search ($text) needs the"
					+ " collection's text index; filter on the model's own fields");
	}

	@Test
	void prefetchRelatedAndCombinationsAreRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(this.engine.objects(Post.class).prefetchRelated("tags")), null))
			.withMessageStartingWith("Post.tail(): prefetchRelated fetches relations once all the results are read");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> Tailing.command(plan(events().filter("n", 1).union(events().filter("n", 2))), null))
			.withMessageContaining("tail");
	}

	@Test
	void aWaitMustBePositive() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> events().tail(Duration.ZERO))
			.withMessage("Event.tail(): maxAwait must be above 0 and fit in an int of milliseconds (was PT0S)");
	}

	@Test
	void valuesOfTheModelsOwnFieldsCanTail() {
		assertThat(tail(events().valuesList("kind", String.class), Duration.ofSeconds(1)))
			.containsKeys("find", "filter", "tailable", "awaitData");
		assertThat(tail(this.engine.objects(Article.class).filter("rating", 3), Duration.ofSeconds(1))
			.getString("find").getValue()).isEqualTo("qs_article");
	}

}
