package io.djongo.spring.core.schema.migration.internal;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.schema.IndexMode;
import io.djongo.spring.core.schema.IndexState;
import io.djongo.spring.core.schema.IndexVerificationException;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Writer;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user who may read but not create indexes (a read-only reporting service): in create mode one WARN names what is
 * missing and start-up goes on; verify mode fails. The server's refusal (code 13, which Spring translates to
 * {@link PermissionDeniedDataAccessException}) is simulated on the commands that create indexes.
 */
class IndexPrivilegeIntegrationTests {

	private final DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("privilege"),
			Report.class, Writer.class);

	private final MongoTemplate readOnly = new MongoTemplate(this.template.getMongoDatabaseFactory(),
			this.template.getConverter()) {

		@Override
		public Document executeCommand(Document command) {
			if (command.containsKey("createIndexes")) {
				throw new PermissionDeniedDataAccessException("not authorized on privilege to execute command"
						+ " { createIndexes: ... }", null);
			}
			return super.executeCommand(command);
		}

	};

	private final SchemaEngine schema = new SchemaEngine(this.readOnly,
			new ModelRegistry(this.template.getConverter().getMappingContext()), this.template.getMongoDatabaseFactory(),
			null);

	@Test
	void createModeWarnsOnceNamingWhatIsMissingAndGoesOn() {
		Logger logger = (Logger) LoggerFactory.getLogger("djongo.schema");
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		List<IndexState> states;
		try {
			states = this.schema.indexes(IndexMode.CREATE);
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(states).extracting(IndexState::name).contains("code");
		assertThat(states).filteredOn((state) -> state.name().equals("code")).singleElement().satisfies((state) -> {
			assertThat(state.status()).isEqualTo(IndexState.Status.MISSING);
			assertThat(state.detail()).isEqualTo("not privileged to create indexes");
		});
		assertThat(events.list).filteredOn((event) -> event.getLevel() == Level.WARN).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.startsWith("djongo: the user may not create indexes (createIndex privilege); missing: Report 'code'"
					+ " {\"code\": 1} on 'privilege_report'")
			.contains("Unique constraints among them are not enforced");
	}

	@Test
	void verifyModeFails() {
		assertThatExceptionOfType(IndexVerificationException.class)
			.isThrownBy(() -> this.schema.indexes(IndexMode.VERIFY))
			.withMessageContaining("Report index 'code' {\"code\": 1} on 'privilege_report': MISSING");
	}

	@org.springframework.data.mongodb.core.mapping.Document("privilege_report")
	static class Report {

		@Id
		@Nullable Long id;

		@Indexed(unique = true)
		@Nullable String code;

	}

}
