package io.djongo.spring.core.query.internal;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.internal.ModelCodecs;
import io.djongo.spring.core.model.internal.RequiredFields;
import io.djongo.spring.core.query.QuerySet;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing of whole models reads its reply through the model's decoder: the same results as reading every document
 * with the model reader, in the same one command; the documents the decoder leaves to the reader are read by it.
 * Listings of anything else never ask the decoder.
 */
class ModelDecodersIntegrationTests {

	final DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("decoders"));

	final ModelCodecs codecs = new ModelCodecs(this.template.getConverter(), this.template.getDb().getCodecRegistry(),
			RequiredFields.NONE);

	final AtomicInteger models = new AtomicInteger();

	final AtomicInteger documents = new AtomicInteger();

	final QueryEngine engine = new QueryEngine(this.template,
			new ModelRegistry(this.template.getConverter().getMappingContext()), ZoneOffset.UTC, false,
			this.template::toModel, (model) -> new Counting(this.codecs.decoder(model), this.models, this.documents),
			(model, values) -> {
			}, (model, filter) -> {
				throw new AssertionError("nothing is deleted here");
			});

	@BeforeEach
	void items() {
		List<Item> items = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			items.add(new Item((long) i, "item " + i, new BigDecimal(i + ".50"), List.of("t" + i % 3)));
		}
		this.template.insertAll(items);
		// a document of a subclass in the same collection: the reader reads it as the converter does
		Document special = new Document("_id", 21L).append("name", "special")
			.append("_class", SpecialItem.class.getName())
			.append("extra", "more");
		this.template.mongo(Item.class).insertOne(special);
	}

	@Test
	void aListingOfWholeModelsDecodesItsReplyWithTheSameResultsInOneCommand() {
		QuerySet<Item> all = this.engine.objects(Item.class).orderBy("id");

		TestClients.recorder().clear();
		List<Item> listed = all.list();

		assertThat(TestClients.recorder().names()).filteredOn("find"::equals).hasSize(1);
		assertThat(this.models).hasValue(20);
		assertThat(this.documents).hasValue(1);
		List<Item> read = readByTheReader();
		assertThat(listed).hasSameSizeAs(read);
		for (int i = 0; i < read.size(); i++) {
			assertThat(listed.get(i)).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(read.get(i));
		}
		assertThat(listed.get(20)).isInstanceOf(SpecialItem.class).extracting("extra").isEqualTo("more");
	}

	@Test
	void filteredOrderedAndSlicedListingsAreDecodedToo() {
		List<Item> listed = this.engine.objects(Item.class)
			.filter("name__startswith", "item 1")
			.orderBy("-price")
			.slice(1, 4)
			.list();

		assertThat(listed).extracting((item) -> item.name).containsExactly("item 18", "item 17", "item 16");
		assertThat(this.models).hasValue(3);
	}

	@Test
	void listingsOfLessOrMoreThanWholeModelsNeverAskTheDecoder() {
		assertThat(this.engine.objects(Item.class).only("name").orderBy("id").list()).hasSize(21);
		assertThat(this.engine.objects(Item.class).defer("tags").list()).hasSize(21);
		assertThat(this.engine.objects(Item.class).values("name").list()).hasSize(21);
		assertThat(this.models).hasValue(0);
		assertThat(this.documents).hasValue(0);
	}

	private List<Item> readByTheReader() {
		List<Item> read = new ArrayList<>();
		for (Document document : this.template.mongo(Item.class).find().sort(new Document("_id", 1))) {
			read.add(this.template.toModel(document, Item.class));
		}
		return read;
	}

	/** Counts what the model's decoder decodes: models, and documents it leaves to the reader. */
	private record Counting(Codec<Object> decoder, AtomicInteger models,
			AtomicInteger documents) implements Codec<Object> {

		@Override
		public Object decode(BsonReader reader, DecoderContext context) {
			Object decoded = this.decoder.decode(reader, context);
			((decoded instanceof Document) ? this.documents : this.models).incrementAndGet();
			return decoded;
		}

		@Override
		public void encode(BsonWriter writer, Object value, EncoderContext context) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Class<Object> getEncoderClass() {
			return Object.class;
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("decoded_items")
	static class Item {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@Nullable BigDecimal price;

		@Nullable List<String> tags;

		Item() {
		}

		Item(Long id, String name, BigDecimal price, List<String> tags) {
			this.id = id;
			this.name = name;
			this.price = price;
			this.tags = tags;
		}

	}

	static class SpecialItem extends Item {

		@Nullable String extra;

	}

}
