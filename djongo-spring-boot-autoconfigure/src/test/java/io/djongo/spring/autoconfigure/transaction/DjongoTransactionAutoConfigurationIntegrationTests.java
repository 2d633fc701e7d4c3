package io.djongo.spring.autoconfigure.transaction;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.transaction.DjongoTransactionManager;
import io.djongo.spring.core.transaction.TransactionMode;
import io.djongo.spring.core.transaction.TransactionsUnavailableException;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code @Transactional} with no configuration: the template's transaction manager is the application's, backs off
 * for the application's own, and {@code djongo.transactions} is checked against the deployment at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class DjongoTransactionAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, DjongoTransactionAutoConfiguration.class,
				TransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class))
		.withPropertyValues("djongo.client.host=" + TestMongo.uri(),
				"djongo.name=" + TestMongo.uniqueDatabaseName("transactions"));

	@Test
	void theTemplatesTransactionManagerRunsTransactionalMethods() {
		this.contextRunner.withBean(Writer.class).run((context) -> {
			DjongoTemplate template = context.getBean(DjongoTemplate.class);
			assertThat(context).getBean(PlatformTransactionManager.class)
				.isSameAs(template.getTransactionManager());
			Writer writer = context.getBean(Writer.class);
			assertThat(writer.write(template)).isTrue();
			assertThat(template.mongo("notes").countDocuments()).isEqualTo(1);
			template.getDb().drop();
		});
	}

	@Test
	void springsTransactionPropertiesCustomizeIt() {
		this.contextRunner.withPropertyValues("spring.transaction.default-timeout=7s").run((context) -> {
			AbstractPlatformTransactionManager manager = context.getBean(AbstractPlatformTransactionManager.class);
			assertThat(manager.getDefaultTimeout()).isEqualTo(7);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesATransactionManager() {
		this.contextRunner.withBean("appTransactionManager", TransactionManager.class, StubManager::new)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DjongoTransactionManager.class);
				assertThat(context).hasSingleBean(TransactionManager.class);
			});
	}

	@Test
	void offRunsNoTransactionAndSaysNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("djongo.transactions=off").run((context) -> {
			DjongoTransactionManager manager = context.getBean(DjongoTransactionManager.class);
			assertThat(manager.getMode()).isEqualTo(TransactionMode.OFF);
			assertThat(manager.isTransactional()).isFalse();
		});
		assertThat(output).doesNotContain("djongo.transactions=auto");
	}

	@Test
	void autoOnAServerWithoutTransactionsWarnsOnceAtStartUp(CapturedOutput output) {
		assumeTrue(TestMongo.isEmbedded(), "the embedded server is standalone; the real profile's is a replica set");
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DjongoTransactionManager.class).isTransactional()).isFalse();
		});
		assertThat(output.getAll().split("djongo.transactions=auto: the standalone server", -1)).hasSize(2);
	}

	@Test
	void requiredFailsStartUpOnAServerWithoutTransactions() {
		assumeTrue(TestMongo.isEmbedded(), "the embedded server is standalone; the real profile's is a replica set");
		this.contextRunner.withPropertyValues("djongo.transactions=required")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(TransactionsUnavailableException.class)
				.hasMessageContaining("djongo.transactions is 'required' but the standalone server"));
	}

	@Test
	void requiredStartsOnAReplicaSet() {
		TestMongo.assumeReplicaSet("transactions need a replica set");
		this.contextRunner.withPropertyValues("djongo.transactions=required")
			.run((context) -> assertThat(context.getBean(DjongoTransactionManager.class).isTransactional()).isTrue());
	}

	/** A bean with a {@code @Transactional} method, proxied by Spring Boot's transaction auto-configuration. */
	static class Writer {

		@Transactional
		public boolean write(DjongoTemplate template) {
			template.mongo("notes").insertOne(new Document("text", "in a @Transactional method"));
			return TransactionSynchronizationManager.isActualTransactionActive();
		}

	}

	static class StubManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
		}

	}

}
