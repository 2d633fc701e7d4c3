package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code create}, {@code getOrCreate} and {@code updateOrCreate} against Django's own tests
 * ({@code tests/get_or_create}, {@code tests/basic}): what is found, what is created, validation and ids as an insert
 * has them, and the round trips: one {@code findAndModify} on the race-free path.
 */
class QuerySetCreateIntegrationTests {

	final CommandRecorder commands = TestClients.recorder();

	DjongoTemplate template;

	@BeforeEach
	void setUp() {
		this.template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("create"));
		this.template.mongo(Member.class).createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		this.template.mongo(Member.class)
			.createIndex(Indexes.ascending("first", "last"), new IndexOptions().unique(true).name("full_name"));
		this.template.insert(member("ann@example.com", "Ann", "Lee", 30));
		this.commands.clear();
	}

	QuerySet<Member> members() {
		return this.template.objects(Member.class);
	}

	QuerySet<Article> articles() {
		return this.template.objects(Article.class);
	}

	static Member member(String email, String first, String last, int age) {
		Member member = new Member();
		member.email = email;
		member.firstName = first;
		member.lastName = last;
		member.age = age;
		return member;
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	// ---- create (tests/basic: ModelInstanceCreationTests)

	@Test
	void createInsertsAModelValidatedWithItsAutoIncrementIdAndConvertedValues() {
		Article created = articles().create(map("title", "Created", "rating", "4", "tags", List.of("a")));

		assertThat(created.id).isNotNull();
		assertThat(created.rating).isEqualTo(4);
		Article stored = articles().get("pk", created.id);
		assertThat(stored.title).isEqualTo("Created");
		assertThat(stored.tags).containsExactly("a");
		assertThat(articles().create(map("title", "Next")).id).isEqualTo(created.id + 1);
	}

	@Test
	void createIgnoresTheQuerySetsFiltersAsDjangoDoes() {
		Article created = articles().filter("rating", 5).create(map("title", "Unfiltered"));

		assertThat(created.rating).isNull();
		assertThat(articles().filter("title", "Unfiltered").count()).isOne();
	}

	@Test
	void createKeepsTheDefaultsOfTheModelsConstructorAndValidates() {
		Member created = members().create(map("email", "bob@example.com", "firstName", "Bob"));
		assertThat(created.city).isEqualTo("Paris");
		assertThat(created.id).isNotNull();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> members().create(map("email", "nobody@example.com", "firstName", " ")))
			.withMessageContaining("firstName");
		assertThat(members().filter("email", "nobody@example.com").exists()).isFalse();
		assertThatExceptionOfType(FieldError.class).isThrownBy(() -> articles().create(map("titel", "x", "foo", 1)))
			.withMessageStartingWith("Article() got unexpected keyword arguments: 'foo', 'titel'");
	}

	// ---- get_or_create (tests/get_or_create: GetOrCreateTests)

	@Test
	void getOrCreateFindsTheExistingModel() {
		CreateResult<Member> result = members().getOrCreate(map("firstName", "Ann", "lastName", "Lee"),
				map("email", "other@example.com"));

		assertThat(result.created()).isFalse();
		assertThat(result.model().email).isEqualTo("ann@example.com");
		assertThat(members().count()).isOne();
	}

	@Test
	void getOrCreateCreatesFromTheLookupsAndTheDefaults() {
		CreateResult<Member> result = members().getOrCreate(map("firstName", "George", "lastName", "Harrison"),
				map("email", "george@example.com", "age", 58));

		assertThat(result.created()).isTrue();
		assertThat(result.model().id).isNotNull();
		Member stored = members().get("firstName", "George");
		assertThat(stored.id).isEqualTo(result.model().id);
		assertThat(stored.email).isEqualTo("george@example.com");
		assertThat(stored.age).isEqualTo(58);
		assertThat(stored.city).isEqualTo("Paris");
	}

	@Test
	void lookupsWithTransformsFindButDoNotCreate() {
		Map<String, Object> defaults = map("email", "JOHN@example.com", "firstName", "John");
		CreateResult<Member> created = members().getOrCreate(map("email__iexact", "john@example.com"), defaults);
		CreateResult<Member> found = members().getOrCreate(map("email__iexact", "john@EXAMPLE.com"), defaults);

		assertThat(created.created()).isTrue();
		assertThat(created.model().email).isEqualTo("JOHN@example.com");
		assertThat(found.created()).isFalse();
		assertThat(found.model().id).isEqualTo(created.model().id);
	}

	@Test
	void withThePkCreatesThatId() {
		CreateResult<Article> created = articles().getOrCreate(map("pk", 100), map("title", "Hundred"));
		CreateResult<Article> found = articles().getOrCreate(map("pk", 100L), map("title", "Other"));

		assertThat(created.created()).isTrue();
		assertThat(created.model().id).isEqualTo(100L);
		assertThat(found.created()).isFalse();
		assertThat(found.model().title).isEqualTo("Hundred");
		assertThat(articles().create(map("title", "After")).id).as("the counter moved past 100").isEqualTo(101L);
	}

	@Test
	void callableDefaultsAreCalledOnlyToCreate() {
		AtomicInteger calls = new AtomicInteger();
		Supplier<Integer> age = () -> {
			calls.incrementAndGet();
			return 40;
		};
		assertThat(members().getOrCreate(map("email", "ann@example.com"), map("age", age)).created()).isFalse();
		assertThat(calls).hasValue(0);
		assertThat(members().getOrCreate(map("email", "x@example.com"), map("firstName", "X", "age", age)).model().age)
			.isEqualTo(40);
		assertThat(calls).hasValue(1);
	}

	@Test
	void invalidDefaultsFailOnlyWhenAModelIsCreatedAsInDjango() {
		assertThat(members().getOrCreate(map("email", "ann@example.com"), map("nonexistent", 1)).created()).isFalse();
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> members().getOrCreate(map("email", "new@example.com"), map("nonexistent", 1)));
	}

	@Test
	void invalidFieldNamesAreNamedSorted() {
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> members().getOrCreate(map("firstName", "Nobody"), map("nonexistent", 1, "other", 2)))
			.withMessageStartingWith("Invalid field name(s) for model Member: 'nonexistent', 'other'.");
	}

	@Test
	void aModelThatCannotBeCreatedFailsAsItsInsertWould() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> members().getOrCreate(map("email", "nameless@example.com")))
			.withMessageContaining("firstName");
		assertThat(members().count()).isOne();
	}

	@Test
	void anExistingModelIsFoundEvenWhenTheOneToCreateWouldBeInvalid() {
		// no firstName: the model to create would be invalid, but Django gets first and finds it
		CreateResult<Member> result = members().getOrCreate(map("email", "ann@example.com"));

		assertThat(result.created()).isFalse();
		assertThat(result.model().firstName).isEqualTo("Ann");
	}

	@Test
	void severalMatchesAreAnError() {
		this.template.insert(member("ann2@example.com", "Ann", "Other", 30));
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> members().getOrCreate(map("firstName", "Ann")));
	}

	@Test
	void theQuerySetsFiltersApplyToTheGetAndAUniqueIndexRefusingTheCreateRaisesAsDjangoDoes() {
		// Ann Lee is 30: the filtered get finds nothing, the insert hits the unique full name, the get again nothing
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> members().filter("age__lt", 18)
			.getOrCreate(map("firstName", "Ann", "lastName", "Lee"), map("email", "young@example.com")));
		assertThat(members().count()).isOne();
		CreateResult<Member> found = members().filter("age__gte", 18)
			.getOrCreate(map("firstName", "Ann", "lastName", "Lee"));
		assertThat(found.created()).isFalse();
	}

	@Test
	void anUpsertRefusedByAnotherUniqueIndexGetsAgainAndRaisesWhenNothingMatches() {
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> members()
			.getOrCreate(map("email", "new@example.com"), map("firstName", "Ann", "lastName", "Lee")));
		assertThat(members().count()).isOne();
	}

	// ---- the race-free path

	@Test
	void equalitiesOnAUniqueIndexAreOneFindAndModify() {
		CreateResult<Member> created = members().getOrCreate(map("email", "bob@example.com"),
				map("firstName", "Bob", "age", 20));

		assertThat(this.commands.names()).containsExactly("findAndModify");
		BsonDocument sent = this.commands.commands().get(0);
		assertThat(sent.getDocument("query").toJson()).isEqualTo("{\"email\": \"bob@example.com\"}");
		assertThat(sent.getBoolean("upsert").getValue()).isTrue();
		BsonDocument inserted = sent.getDocument("update").getDocument("$setOnInsert");
		assertThat(inserted.keySet()).contains("_id", "first", "age", "visits", "city").doesNotContain("email");
		assertThat(created.created()).isTrue();
		assertThat(created.model().id).isNotNull();
		Document stored = this.template.mongo(Member.class).find(new Document("email", "bob@example.com")).first();
		assertThat(stored).containsEntry("_id", created.model().id)
			.containsEntry("first", "Bob")
			.containsEntry("age", 20)
			.containsEntry("city", "Paris");

		this.commands.clear();
		CreateResult<Member> found = members().getOrCreate(map("email", "bob@example.com"),
				map("firstName", "Robert"));
		assertThat(this.commands.names()).containsExactly("findAndModify");
		assertThat(found.created()).isFalse();
		assertThat(found.model().id).isEqualTo(created.model().id);
		assertThat(found.model().firstName).isEqualTo("Bob");
	}

	@Test
	void aCompoundUniqueIndexIsCoveredByItsFields() {
		members().getOrCreate(map("firstName", "Ann", "lastName", "Lee"));
		assertThat(this.commands.names()).containsExactly("findAndModify");
		this.commands.clear();
		members().getOrCreate(map("firstName", "Ann"), map("email", "a2@example.com"));
		assertThat(this.commands.names()).as("not unique alone: Django's get, which finds her")
			.containsExactly("find");
	}

	@Test
	void anAutoIncrementIdIsReservedBeforeTheUpsertAndTheQueryIsTheId() {
		articles().getOrCreate(map("pk", 7), map("title", "Seven"));
		List<String> names = this.commands.names();
		assertThat(names).endsWith("findAndModify");
		assertThat(this.commands.commands().get(names.size() - 1).getDocument("query").toJson())
			.isEqualTo("{\"_id\": 7}");
		assertThat(names.stream().filter((name) -> name.equals("findAndModify")).count())
			.as("the explicit id moves the counter, then the upsert").isEqualTo(2);
	}

	@Test
	void concurrentGetOrCreatesCreateOneModel() throws Exception {
		for (boolean raceFree : List.of(true, false)) {
			String email = raceFree ? "race@example.com" : "django@example.com";
			QuerySet<Member> qs = raceFree ? members() : members().filter("visits__gte", 0);
			List<Callable<CreateResult<Member>>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> qs.getOrCreate(map("email", email), map("firstName", email)));
			}
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<CreateResult<Member>> results = new ArrayList<>();
				for (Future<CreateResult<Member>> future : pool.invokeAll(calls)) {
					results.add(future.get());
				}
				assertThat(results.stream().filter(CreateResult::created).count()).as(email).isOne();
				assertThat(results.stream().map((r) -> r.model().id).distinct().count()).as(email).isOne();
				assertThat(members().filter("email", email).count()).as(email).isOne();
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	// ---- update_or_create (tests/update_or_create: UpdateOrCreateTests)

	@Test
	void updateOrCreateUpdatesTheModelFound() {
		CreateResult<Member> result = members().updateOrCreate(map("firstName", "Ann", "lastName", "Lee"),
				map("age", 31, "city", "Lyon"));

		assertThat(result.created()).isFalse();
		assertThat(result.model().age).isEqualTo(31);
		assertThat(result.model().city).isEqualTo("Lyon");
		assertThat(result.model().email).isEqualTo("ann@example.com");
		Member stored = members().get("email", "ann@example.com");
		assertThat(stored.age).isEqualTo(31);
		assertThat(stored.city).isEqualTo("Lyon");
	}

	@Test
	void updateOrCreateCreatesAndThenUpdates() {
		CreateResult<Member> created = members().updateOrCreate(map("email", "paul@example.com"),
				map("firstName", "Paul", "age", 20));
		assertThat(this.commands.names()).containsExactly("findAndModify");
		this.commands.clear();
		CreateResult<Member> updated = members().updateOrCreate(map("email", "paul@example.com"),
				map("firstName", "Paul", "age", 21));
		assertThat(this.commands.names()).containsExactly("findAndModify");
		BsonDocument update = this.commands.commands().get(0).getDocument("update");
		assertThat(update.getDocument("$set").toJson()).isEqualTo("{\"first\": \"Paul\", \"age\": 21}");
		assertThat(update.getDocument("$setOnInsert").keySet()).doesNotContain("first", "age", "email");

		assertThat(created.created()).isTrue();
		assertThat(updated.created()).isFalse();
		assertThat(updated.model().id).isEqualTo(created.model().id);
		assertThat(updated.model().age).isEqualTo(21);
		assertThat(members().get("email", "paul@example.com").age).isEqualTo(21);
	}

	@Test
	void updateOrCreateOffTheRaceFreePathIsAGetThenOneWrite() {
		CreateResult<Member> result = members().filter("age__gte", 18)
			.updateOrCreate(map("firstName", "Ann"), map("visits", 3));
		assertThat(this.commands.names()).containsExactly("find", "findAndModify");
		assertThat(result.created()).isFalse();
		assertThat(result.model().visits).isEqualTo(3);
	}

	@Test
	void updateOrCreateCallsCallableDefaultsAndValidatesThem() {
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("age", (Supplier<Integer>) () -> 44);
		assertThat(members().updateOrCreate(map("email", "ann@example.com"), defaults).model().age).isEqualTo(44);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> members().updateOrCreate(map("email", "ann@example.com"), map("age", -1)));
		assertThat(members().get("email", "ann@example.com").age).isEqualTo(44);
	}

	@Test
	void updateOrCreateWithThePk() {
		CreateResult<Article> created = articles().updateOrCreate(map("pk", 3), map("title", "Three"));
		CreateResult<Article> updated = articles().updateOrCreate(map("pk", 3), map("title", "Trois"));
		assertThat(created.created()).isTrue();
		assertThat(updated.created()).isFalse();
		assertThat(articles().valuesList("title", String.class).list()).containsExactly("Trois");
		assertThat(List.of(created.model().id, updated.model().id)).containsExactly(3L, 3L);
	}

}
