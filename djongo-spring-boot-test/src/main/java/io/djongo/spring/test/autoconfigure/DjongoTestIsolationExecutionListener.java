package io.djongo.spring.test.autoconfigure;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * {@link DjongoTest.Isolation#EMPTY_DATABASE}: before each test method of a {@link DjongoTest}, deletes every document
 * of every collection of the context's djongo database, with one {@code listCollections} and one {@code delete} per
 * collection. Collections stay, so do their indexes (unique ones included) and djongo's auto-increment counters (the
 * {@code __schema__} collection): ids are never reused, as djongo promises. MongoDB's {@code system.*} collections
 * are left alone. Runs after dependency injection and before the test's {@code @BeforeEach} methods.
 */
public class DjongoTestIsolationExecutionListener implements TestExecutionListener, Ordered {

	/** Order of the listener: after Spring's dependency injection (2000) and before its transaction listener. */
	public static final int ORDER = 3000;

	/** djongo's counters (core's {@code IdCounters.SCHEMA_COLLECTION}); never emptied. */
	static final String SCHEMA_COLLECTION = "__schema__";

	@Override
	public void beforeTestMethod(TestContext testContext) {
		DjongoTest test = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), DjongoTest.class);
		if (test == null || test.isolation() != DjongoTest.Isolation.EMPTY_DATABASE) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		MongoDatabaseFactory factory = context.getBeanProvider(MongoDatabaseFactory.class).getIfUnique();
		if (factory != null) {
			empty(factory.getMongoDatabase());
		}
	}

	/** Deletes the documents of every collection but djongo's counters and MongoDB's own. */
	static void empty(MongoDatabase database) {
		for (String name : database.listCollectionNames()) {
			if (!name.equals(SCHEMA_COLLECTION) && !name.startsWith("system.")) {
				database.getCollection(name).deleteMany(new Document());
			}
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
