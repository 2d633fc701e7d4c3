package io.djongo.spring.core.query;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code tail()} on a server: the documents there, then the new ones in insertion order; an empty collection waited
 * on; the stream closed (cursor killed) or its thread interrupted (the stream ends, no exception); a collection that
 * is not capped refused naming the model. Tailable cursors need a real MongoDB: on the embedded server the one test
 * that runs checks the clear error, sent before any find (the embedded server would answer a plain find that never
 * waits). Every wait is bounded, so that a regression fails instead of hanging.
 */
class QuerySetTailIntegrationTests {

	private static final Duration AWAIT = Duration.ofMillis(200);

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static DjongoTemplate template(String name) {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName(name), Event.class,
				Article.class);
		template.schema().collections(IndexMode.CREATE);
		return template;
	}

	private static void insertLater(DjongoTemplate template, Event... events) {
		Thread writer = new Thread(() -> {
			for (Event event : events) {
				sleep(100);
				template.insert(event);
			}
		});
		writer.setDaemon(true);
		writer.start();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void onTheEmbeddedServerTailFailsClearlyBeforeAnyFind() {
		Assumptions.assumeTrue(TestMongo.isEmbedded(), "what the embedded server lacks");
		DjongoTemplate template = template("tail_embedded");
		template.insert(new Event("login", 1));
		TestClients.recorder().clear();
		assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> template.objects(Event.class).filter("kind", "login").tail())
			.withMessage("Event.tail(): needs a real MongoDB: tailable cursors need a capped collection, which the"
					+ " embedded server cannot create (it would answer a plain find that never waits) (the embedded"
					+ " mongo-java-server lacks it; MongoDB has it)"));
		assertThat(TestClients.recorder().names()).doesNotContain("find");
	}

	@Test
	void tailReturnsTheDocumentsThereThenEachNewOneInInsertionOrder() {
		TestMongo.assumeRealMongoDb("capped collections and tailable cursors");
		DjongoTemplate template = template("tail_order");
		template.insert(new Event("login", 1));
		template.insert(new Event("logout", 2));
		template.insert(new Event("login", 3));
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<Event> logins = template.objects(Event.class).filter("kind", "login").tail(AWAIT)) {
				insertLater(template, new Event("login", 10), new Event("logout", 11), new Event("login", 5));
				assertThat(logins.limit(4).map((event) -> event.n).toList()).containsExactly(1, 3, 10, 5);
			}
		});
	}

	@Test
	void anEmptyCollectionIsWaitedOn() {
		TestMongo.assumeRealMongoDb("capped collections and tailable cursors");
		DjongoTemplate template = template("tail_empty");
		assertTimeoutPreemptively(BOUND, () -> {
			try (Stream<String> kinds = template.objects(Event.class).valuesList("kind", String.class).tail(AWAIT)) {
				insertLater(template, new Event("first", 1), new Event("second", 2));
				assertThat(kinds.limit(2).toList()).containsExactly("first", "second");
			}
		});
	}

	@Test
	void closingTheStreamKillsTheCursor() {
		TestMongo.assumeRealMongoDb("capped collections and tailable cursors");
		DjongoTemplate template = template("tail_close");
		template.insert(new Event("login", 1));
		template.insert(new Event("login", 2));
		assertTimeoutPreemptively(BOUND, () -> {
			Stream<Event> events = template.objects(Event.class).tail(AWAIT);
			assertThat(events.iterator().next().n).isEqualTo(1);
			TestClients.recorder().clear();
			events.close();
			assertThat(TestClients.recorder().names()).containsExactly("killCursors");
		});
	}

	@Test
	void aThreadInterruptedWhileWaitingEndsTheStreamCleanly() throws Exception {
		TestMongo.assumeRealMongoDb("capped collections and tailable cursors");
		DjongoTemplate template = template("tail_interrupt");
		template.insert(new Event("login", 1));
		List<Integer> read = new CopyOnWriteArrayList<>();
		CountDownLatch first = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean flagKept = new AtomicBoolean();
		Thread reader = new Thread(() -> {
			try (Stream<Event> events = template.objects(Event.class).tail(Duration.ofSeconds(1))) {
				events.forEach((event) -> {
					read.add(event.n);
					first.countDown();
				});
				flagKept.set(Thread.currentThread().isInterrupted());
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		reader.start();
		assertThat(first.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
		sleep(300);
		reader.interrupt();
		reader.join(BOUND.toMillis());
		assertThat(reader.isAlive()).as("the stream ended").isFalse();
		assertThat(failure.get()).isNull();
		assertThat(read).containsExactly(1);
		assertThat(flagKept.get()).as("the interrupt flag is kept").isTrue();
	}

	@Test
	void aCollectionThatIsNotCappedIsRefusedNamingTheModel() {
		TestMongo.assumeRealMongoDb("capped collections and tailable cursors");
		DjongoTemplate template = template("tail_uncapped");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.objects(Article.class).tail())
			.withMessage("Article.tail(): the collection 'qs_article' of Article does not exist; a tailable cursor"
					+ " needs a capped collection: declare the model @Model(capped = true, maxSize = ...), and djongo"
					+ " creates it at start-up (djongo.indexes: create) or with --djongo.migrate");
		template.getDb().createCollection("qs_article");
		TestClients.recorder().clear();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.objects(Article.class).tail())
			.withMessage("Article.tail(): the collection 'qs_article' of Article is not capped; a tailable cursor"
					+ " needs a capped collection: declare the model @Model(capped = true, maxSize = ...), and"
					+ " convert or recreate the collection (djongo never converts an existing one)");
		assertThat(TestClients.recorder().names()).doesNotContain("find");
	}

}
