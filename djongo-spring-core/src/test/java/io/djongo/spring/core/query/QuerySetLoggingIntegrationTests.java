package io.djongo.spring.core.query;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.djongo.spring.core.bridge.DjongoOptions;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.query.internal.QueryEngine;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code djongo.query} logger at DEBUG: each QuerySet's command, before it is sent, with values masked as the
 * command log masks them unless log values is on.
 */
class QuerySetLoggingIntegrationTests {

	static DjongoTemplate template;

	/** A template on the same database whose QuerySet log shows values. */
	static DjongoTemplate showingValues;

	private final Logger logger = (Logger) LoggerFactory.getLogger(QueryEngine.LOGGER_NAME);

	private final Lines lines = new Lines();

	private Level previousLevel;

	@BeforeAll
	static void data() {
		template = QuerySetFixtures.articles("querylog");
		showingValues = DjongoTestConfiguration.template(template.getDb().getName(),
				DjongoOptions.defaults().withLogValues(true));
	}

	@BeforeEach
	void attach() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.lines.start();
		this.logger.addAppender(this.lines);
		TestClients.recorder().clear();
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.lines);
		this.logger.setLevel(this.previousLevel);
	}

	static QuerySet<Article> articles() {
		return template.objects(Article.class);
	}

	@Test
	void eachEvaluationLogsItsCommandBeforeSendingIt() {
		expectOneLineBeforeItsCommand((qs) -> qs.filter("title__icontains", "django").orderBy("-rating").slice(0, 2).list(),
				"Article: {find: \"qs_article\", filter: {title: ?}, sort: {rating: ?}, limit: ?}");
		expectOneLineBeforeItsCommand((qs) -> qs.annotate("twice", F.of("views").times(2)).filter("twice__gt", 5).list(),
				"Article: {aggregate: \"qs_article\", pipeline: [{$addFields: {twice: {$multiply: ?}}}, "
						+ "{$match: {twice: {$gt: ?}}}]}");
		expectOneLineBeforeItsCommand((qs) -> qs.filter("rating__gte", 3).count(),
				"Article: {aggregate: \"qs_article\", pipeline: [{$match: {rating: {$gte: ?}}}, "
						+ "{$group: {_id: ?, n: {$sum: ?}}}]}");
		expectOneLineBeforeItsCommand((qs) -> qs.filter("rating", 3).exists(),
				"Article: {find: \"qs_article\", filter: {rating: {$eq: ?}}, projection: {_id: ?}, limit: ?}");
		expectOneLineBeforeItsCommand((qs) -> qs.aggregate(Sum.of("views")),
				"Article: {aggregate: \"qs_article\", pipeline: [{$group: {_id: ?, a0: {$sum: ?}, a0n: {$sum: {$cond: ");
		expectOneLineBeforeItsCommand((qs) -> qs.filter("rating", 42).update("views", 1),
				"Article: {update: \"qs_article\", updates: [{q: {rating: {$eq: ?}}, u: {$set: {views: ?}}, multi: ?}]}");
		expectOneLineBeforeItsCommand((qs) -> qs.filter("rating", 42).delete(),
				"Article: {delete: \"qs_article\", deletes: [{q: {rating: {$eq: ?}}, limit: ?}]}");
	}

	@Test
	void valuesAreMaskedUnlessLogValuesIsOn() {
		articles().filter("title", "Spring data").get();
		assertThat(this.lines.messages()).singleElement().asString().doesNotContain("Spring data");
		this.lines.clear();
		showingValues.objects(Article.class).filter("title", "Spring data").get();
		assertThat(this.lines.messages()).singleElement()
			.isEqualTo("Article: {find: \"qs_article\", filter: {title: {$eq: \"Spring data\"}}, limit: 21}");
	}

	@Test
	void logValuesAndATimeZoneAreOptionsOfOneTemplate() {
		DjongoTemplate both = DjongoTestConfiguration.template(template.getDb().getName(),
				DjongoOptions.defaults().withLogValues(true).withTimeZone(ZoneOffset.UTC));
		both.objects(Article.class).filter("rating", 3).list();
		assertThat(this.lines.messages()).singleElement().asString().contains("rating: {$eq: 3}");
	}

	@Test
	void aQuerySetThatSendsNothingLogsNothing() {
		articles().filter("pk__in", List.of()).list();
		articles().none().count();
		QuerySet<Article> evaluated = articles().filter("rating", 3);
		evaluated.list();
		this.lines.clear();
		evaluated.list();
		evaluated.count();
		assertThat(this.lines.messages()).isEmpty();
	}

	@Test
	void nothingIsLoggedAboveDebug() {
		this.logger.setLevel(Level.INFO);
		articles().filter("rating", 3).list();
		assertThat(this.lines.messages()).isEmpty();
	}

	private void expectOneLineBeforeItsCommand(Consumer<QuerySet<Article>> evaluation, String expected) {
		this.lines.clear();
		TestClients.recorder().clear();
		evaluation.accept(articles());
		assertThat(this.lines.messages()).singleElement().asString().startsWith(expected);
		assertThat(this.lines.commandsSentBefore()).containsExactly(0);
		assertThat(TestClients.recorder().count()).isEqualTo(1);
	}

	/** Collects the lines, and how many commands had been sent when each was logged. */
	static final class Lines extends AppenderBase<ILoggingEvent> {

		private final List<String> messages = new CopyOnWriteArrayList<>();

		private final List<Integer> commandsSentBefore = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			this.messages.add(event.getFormattedMessage());
			this.commandsSentBefore.add(TestClients.recorder().count());
		}

		List<String> messages() {
			return List.copyOf(this.messages);
		}

		List<Integer> commandsSentBefore() {
			return List.copyOf(this.commandsSentBefore);
		}

		void clear() {
			this.messages.clear();
			this.commandsSentBefore.clear();
		}

	}

}
