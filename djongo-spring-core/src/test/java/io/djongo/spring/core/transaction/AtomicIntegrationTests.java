package io.djongo.spring.core.transaction;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.gridfs.GridFsStorage;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.model.Relation;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.relation.deletion.Author;
import io.djongo.spring.core.relation.deletion.Comment;
import io.djongo.spring.core.relation.deletion.Pin;
import io.djongo.spring.core.relation.deletion.Post;
import io.djongo.spring.core.relation.deletion.Profile;
import io.djongo.spring.core.relation.deletion.Review;
import io.djongo.spring.core.relation.deletion.Tag;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactory;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Atomic blocks against the test server. On a replica set (the real-MongoDB profile): commit, rollback with nothing
 * visible afterwards, nested blocks, two transactions writing the same document, an on_delete chain failing
 * half-way, the session reaching every path (QuerySets, repositories, deletions, GridFS, {@code mongo*}), and
 * transient errors retried (with the server's failpoint, where its test commands are enabled). On the embedded
 * server (standalone, no sessions) a block runs without a transaction, as {@code djongo.transactions=auto} says.
 */
class AtomicIntegrationTests {

	static final String REPLICA_SET = "transactions need a replica set member or mongos";

	static DjongoTemplate template;

	static String database;

	final CommandRecorder commands = TestClients.recorder();

	@BeforeAll
	static void template() {
		database = TestMongo.uniqueDatabaseName("atomic");
		template = DjongoTestConfiguration.template(database, Note.class, Author.class, Post.class, Tag.class,
				Comment.class, Pin.class, Profile.class, Review.class);
	}

	@BeforeEach
	void clean() {
		template.getDb().drop();
		// collections exist before the transactions (MongoDB before 4.4 creates none inside one)
		template.getDb().createCollection("tx_note");
		this.commands.clear();
	}

	/** What another client sees, outside any transaction. */
	static MongoCollection<Document> outside(String collection) {
		return TestClients.client().getDatabase(database).getCollection(collection);
	}

	@Test
	void withoutTransactionsABlockRunsWithoutOneAndItsWritesStay() {
		assumeTrue(TestMongo.isEmbedded(), "on a replica set the block runs in a transaction");
		assertThat(template.getTransactionManager().isTransactional()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> template.atomic(() -> {
			template.insert(new Note("written"));
			throw new IllegalStateException("the block failed");
		}));
		assertThat(outside("tx_note").countDocuments()).isEqualTo(1);
		assertThat(this.commands.commands()).noneMatch((command) -> command.containsKey("startTransaction")
				|| command.containsKey("lsid"));
	}

	@Test
	void aBlockThatReturnsIsCommitted() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		Long id = template.atomic(() -> {
			Note note = template.insert(new Note("committed"));
			template.insert(new Note("also committed"));
			// inside: not visible to others yet
			assertThat(outside("tx_note").countDocuments()).isZero();
			return note.getId();
		});
		assertThat(outside("tx_note").countDocuments()).isEqualTo(2);
		assertThat(template.objects(Note.class).get("pk", id).getText()).isEqualTo("committed");
		assertThat(this.commands.names()).contains("commitTransaction");
	}

	@Test
	void aBlockThatThrowsLeavesNothingBehind() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		template.insert(new Note("before"));
		assertThatIllegalStateException().isThrownBy(() -> template.atomic(() -> {
			template.insert(new Note("rolled back"));
			template.objects(Note.class).filter("text", "before").update("likes", 5);
			template.mongo(Note.class).insertOne(new Document("text", "raw, rolled back"));
			throw new IllegalStateException("the block failed");
		})).withMessage("the block failed");
		assertThat(outside("tx_note").find().into(new java.util.ArrayList<>())).singleElement()
			.satisfies((document) -> assertThat(document).containsEntry("text", "before").containsEntry("likes", 0));
		assertThat(this.commands.names()).contains("abortTransaction").doesNotContain("commitTransaction");
	}

	@Test
	void aNestedBlockJoinsTheOuterOneAndItsFailureUndoesBoth() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		template.atomic(() -> {
			template.insert(new Note("outer"));
			template.atomic(() -> template.insert(new Note("inner")));
		});
		assertThat(outside("tx_note").countDocuments()).isEqualTo(2);
		assertThat(this.commands.names().stream().filter("commitTransaction"::equals)).hasSize(1);

		assertThatIllegalStateException().isThrownBy(() -> template.atomic(() -> {
			template.insert(new Note("outer again"));
			template.atomic(() -> {
				template.insert(new Note("inner again"));
				throw new IllegalStateException("inner failed");
			});
		}));
		assertThat(outside("tx_note").countDocuments()).isEqualTo(2);
	}

	@Test
	void everyPathInsideABlockUsesItsSession() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		NoteRepository notes = new DjongoRepositoryFactory(template).getRepository(NoteRepository.class);
		GridFsStorage storage = new GridFsStorage("tx_files", template.getMongoDatabaseFactory());
		template.insert(new Author(99L, "deleted in the block"));
		this.commands.clear();
		template.atomic(() -> {
			template.insert(new Note("template"));
			notes.save(new Note("repository"));
			template.objects(Note.class).filter("text", "template").update("likes", F.of("likes").plus(1));
			notes.mongoFindOne(new Document("text", "repository"));
			template.mongo(Note.class).countDocuments();
			template.command(new Document("find", "tx_note"));
			storage.save("notes/a.txt", new ByteArrayResource("in a transaction".getBytes(StandardCharsets.UTF_8)),
					"text/plain");
			template.deleteByIds(Author.class, List.of(99L));
		});
		List<BsonDocument> sent = this.commands.commands().stream()
			.filter((command) -> command.containsKey("txnNumber"))
			.toList();
		assertThat(sent).extracting(BsonDocument::getFirstKey)
			.contains("insert", "update", "find", "aggregate", "delete", "commitTransaction");
		assertThat(sent.stream().map((command) -> command.get("lsid")).distinct()).hasSize(1);
		assertThat(sent.stream().map((command) -> command.get("txnNumber")).distinct()).hasSize(1);
		assertThat(outside("tx_files.files").countDocuments()).isEqualTo(1);
		assertThat(outside("tx_note").countDocuments()).isEqualTo(2);
		assertThat(outside("del_author").countDocuments()).isZero();
	}

	@Test
	void aFileUploadedInABlockThatFailsIsGone() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		GridFsStorage storage = new GridFsStorage("tx_rolled", template.getMongoDatabaseFactory());
		assertThatIllegalStateException().isThrownBy(() -> template.atomic(() -> {
			// the first upload into an empty bucket: its indexes are checked outside the transaction
			storage.save("a.txt", new ByteArrayResource(new byte[] { 1, 2, 3 }), null);
			throw new IllegalStateException("failed");
		}));
		assertThat(outside("tx_rolled.files").countDocuments()).isZero();
		assertThat(outside("tx_rolled.chunks").countDocuments()).isZero();
	}

	@Test
	void twoTransactionsWritingOneDocumentBothCountAfterARetry() throws Exception {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		Long id = Objects.requireNonNull(template.insert(new Note("contended")).getId());
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch secondConflicted = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> template.atomic(() -> {
			template.objects(Note.class).filter("pk", id).update("likes", F.of("likes").plus(1));
			firstWrote.countDown();
			await(secondConflicted);
		}));
		assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
		AtomicInteger attempts = new AtomicInteger();
		template.atomic(() -> {
			try {
				template.objects(Note.class).filter("pk", id).update("likes", F.of("likes").plus(1));
			}
			finally {
				if (attempts.incrementAndGet() == 1) {
					// the first attempt met the other transaction's write: a WriteConflict, labelled transient
					secondConflicted.countDown();
				}
			}
		});
		first.get(30, TimeUnit.SECONDS);
		assertThat(attempts.get()).isGreaterThan(1);
		assertThat(template.objects(Note.class).get("pk", id).getLikes()).isEqualTo(2);
	}

	@Test
	void anOnDeleteChainFailingHalfWayIsRolledBack() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		Author ann = template.insert(new Author(1L, "Ann"));
		template.insert(new Author(0L, "Anonymous"));
		Tag java = template.insert(new Tag(1L, "java"));
		Post post = template.insert(new Post(1L, "Ann's", ann, java));
		template.insert(new Comment(1L, "on Ann's", post, ann));
		template.insert(new Profile(1L, "Ann writes", ann));
		template.insert(new Review(1L, ann, post));
		// the second of the two updates (Profile.author SET_NULL, Review.reviewer SET_DEFAULT to Anonymous, id 0), in
		// the order the deletion sends them, is refused by a validator: the first is written by then
		List<Relation> updated = new ModelRegistry(template.getConverter().getMappingContext())
			.relationsTo(Author.class).stream()
			.filter((relation) -> relation.owner() == Profile.class || relation.owner() == Review.class)
			.toList();
		boolean reviewLast = updated.get(updated.size() - 1).owner() == Review.class;
		template.command(new Document("collMod", reviewLast ? "del_review" : "del_profile").append("validator",
				reviewLast ? new Document("reviewer_id", new Document("$ne", 0L))
						: new Document("author_id", new Document("$exists", true))));
		this.commands.clear();
		assertThatException().isThrownBy(() -> template.deleteByIds(Author.class, List.of(1L)));
		assertThat(this.commands.names()).containsSubsequence("update", "update", "abortTransaction");
		assertThat(outside("del_profile").find().first()).containsEntry("author_id", 1L);
		assertThat(outside("del_author").countDocuments()).isEqualTo(2);
		assertThat(outside("del_post").countDocuments()).isEqualTo(1);
		assertThat(outside("del_comment").countDocuments()).isEqualTo(1);
		assertThat(outside("del_review").find().first()).containsEntry("reviewer_id", 1L);
	}

	@Test
	void aTransientErrorRunsTheBlockAgain() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		failOnce("insert", 112, "TransientTransactionError");
		AtomicInteger attempts = new AtomicInteger();
		template.atomic(() -> {
			attempts.incrementAndGet();
			template.insert(new Note("retried"));
		});
		assertThat(attempts).hasValue(2);
		assertThat(outside("tx_note").countDocuments()).isEqualTo(1);
	}

	@Test
	void aCommitWithAnUnknownResultIsSentAgain() {
		TestMongo.assumeReplicaSet(REPLICA_SET);
		failOnce("commitTransaction", 91, "UnknownTransactionCommitResult");
		AtomicInteger attempts = new AtomicInteger();
		template.atomic(() -> {
			attempts.incrementAndGet();
			template.insert(new Note("committed once"));
		});
		assertThat(attempts).hasValue(1);
		assertThat(this.commands.names().stream().filter("commitTransaction"::equals)).hasSize(2);
		assertThat(outside("tx_note").countDocuments()).isEqualTo(1);
	}

	/** The server's failCommand failpoint, once; skips where the server's test commands are off. */
	private static void failOnce(String command, int code, String label) {
		Document failPoint = new Document("configureFailPoint", "failCommand").append("mode", new Document("times", 1))
			.append("data", new Document("failCommands", List.of(command)).append("errorCode", code)
				.append("errorLabels", List.of(label)));
		try {
			TestClients.client().getDatabase("admin").runCommand(failPoint);
		}
		catch (MongoCommandException ex) {
			assumeTrue(false, "the server's failpoints need enableTestCommands=1: " + ex.getErrorMessage());
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
