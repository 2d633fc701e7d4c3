package io.djongo.spring.autoconfigure.transaction;

import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.transaction.DjongoTransactionManager;
import io.djongo.spring.core.transaction.TransactionMode;
import io.djongo.spring.core.transaction.TransactionsUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * {@code @Transactional} with no configuration: the template's {@link DjongoTransactionManager} (the one of its
 * atomic blocks) is the application's transaction manager, unless the application defines one; and at start-up,
 * {@code djongo.transactions} is checked against the deployment: {@code required} fails there without transactions,
 * {@code auto} says once that blocks run without one.
 */
@AutoConfiguration(after = DjongoAutoConfiguration.class, before = TransactionAutoConfiguration.class)
@ConditionalOnClass({ DjongoTemplate.class, PlatformTransactionManager.class })
@ConditionalOnSingleCandidate(DjongoTemplate.class)
public final class DjongoTransactionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DjongoTransactionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(TransactionManager.class)
	DjongoTransactionManager transactionManager(DjongoTemplate template,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		DjongoTransactionManager manager = template.getTransactionManager();
		customizers.ifAvailable((customizer) -> customizer.customize(manager));
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean(name = "djongoTransactionCheck")
	SmartInitializingSingleton djongoTransactionCheck(DjongoTemplate template) {
		return () -> check(template.getTransactionManager());
	}

	/**
	 * Decides at start-up whether blocks run transactions; {@code required} fails without them. In {@code auto}, a
	 * deployment out of reach does not stop the start: the decision waits for the first block.
	 */
	static void check(DjongoTransactionManager manager) {
		try {
			manager.isTransactional();
		}
		catch (TransactionsUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (manager.getMode() == TransactionMode.REQUIRED) {
				throw ex;
			}
			logger.warn("djongo.transactions=auto: could not tell whether the deployment runs transactions ("
					+ ex.getMessage() + "); the first atomic block will");
		}
	}

}
