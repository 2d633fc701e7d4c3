package io.djongo.spring.core.query.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.Article;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code QuerySet.using(ReadPreference)}: every read of the QuerySet and of the ones chained from it runs on a
 * collection with that read preference. A standalone server never sees a read preference in a command, so the engine
 * runs here on operations that record the read preference of the collection each read is made on.
 */
class QuerySetUsingIntegrationTests {

	private final List<ReadPreference> reads = new CopyOnWriteArrayList<>();

	private final QueryEngine engine = engine();

	private QueryEngine engine() {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("using"),
				Article.class);
		MongoTemplate recording = new MongoTemplate(template.getMongoDatabaseFactory(), template.getConverter()) {

			@Override
			public <T> T execute(String collectionName, CollectionCallback<T> callback) {
				return super.execute(collectionName, (collection) -> callback.doInCollection(recording(collection)));
			}

		};
		return new QueryEngine(recording, new ModelRegistry(template.getConverter().getMappingContext()),
				ZoneOffset.UTC, false, template::toModel, (model) -> null, (model, values) -> {
				}, (model, filter) -> {
					throw new AssertionError("nothing is deleted");
				});
	}

	/** The collection, recording the read preference it has when a read is made on it. */
	@SuppressWarnings("unchecked")
	private MongoCollection<Document> recording(MongoCollection<Document> collection) {
		return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { MongoCollection.class }, (proxy, method, args) -> {
					try {
						Object result = method.invoke(collection, args);
						if (method.getName().equals("withReadPreference")) {
							return recording((MongoCollection<Document>) result);
						}
						if (method.getName().equals("find") || method.getName().equals("aggregate")) {
							this.reads.add(collection.getReadPreference());
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void everyReadOfTheQuerySetAndItsChainUsesTheReadPreference() {
		QuerySet<Article> secondary = this.engine.objects(Article.class).using(ReadPreference.secondaryPreferred());
		secondary.list();
		secondary.filter("title", "x").orderBy("-id").count();
		secondary.all().exists();
		assertThat(this.reads).hasSize(3).containsOnly(ReadPreference.secondaryPreferred());
		this.reads.clear();
		this.engine.objects(Article.class).list();
		assertThat(this.reads).containsExactly(ReadPreference.primary());
	}

}
