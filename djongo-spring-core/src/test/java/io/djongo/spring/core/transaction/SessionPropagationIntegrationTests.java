package io.djongo.spring.core.transaction;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.ServerAddress;
import com.mongodb.client.ClientSession;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.gridfs.GridFsStorage;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.relation.deletion.Author;
import io.djongo.spring.core.relation.deletion.Comment;
import io.djongo.spring.core.relation.deletion.Pin;
import io.djongo.spring.core.relation.deletion.Post;
import io.djongo.spring.core.relation.deletion.Profile;
import io.djongo.spring.core.relation.deletion.Review;
import io.djongo.spring.core.relation.deletion.Tag;
import io.djongo.spring.core.repository.support.DjongoRepositoryFactory;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which calls inside a transaction use its session, proved on the embedded server without a replica set: a
 * transaction manager told the deployment is a replica set begins a real session there, and the driver refuses
 * every command sent with it ("doesn't support sessions"). So each path below failing inside the transaction, and
 * working outside, shows that it carries the session: QuerySets, the writer, repositories, {@code mongo(...)} asked
 * for inside, {@code command}, deletions following relations, GridFS uploads. On a real replica set the same is shown
 * by the commands' {@code lsid} ({@code AtomicIntegrationTests}).
 */
class SessionPropagationIntegrationTests {

	static DjongoTemplate template;

	static DjongoTransactionManager manager;

	@BeforeAll
	static void template() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("sessions"), Note.class,
				Author.class, Post.class, Tag.class, Comment.class, Pin.class, Profile.class, Review.class);
		manager = new DjongoTransactionManager(template.getMongoDatabaseFactory(), TransactionMode.REQUIRED,
				SessionPropagationIntegrationTests::replicaSet);
	}

	@BeforeEach
	void onTheEmbeddedServer() {
		assumeTrue(TestMongo.isEmbedded(), "the proof needs a server that refuses sessions; on a replica set"
				+ " AtomicIntegrationTests checks the commands' lsid");
		template.getDb().drop();
		template.insert(new Note("stored"));
	}

	@Test
	void queriesAndWritesOfTheTemplate() {
		usesTheSession((none) -> template.insert(new Note("new")));
		usesTheSession((none) -> template.objects(Note.class).list());
		usesTheSession((none) -> template.objects(Note.class).update("likes", F.of("likes").plus(1)));
		usesTheSession((none) -> template.command(new Document("find", "tx_note")));
	}

	@Test
	void repositories() {
		NoteRepository notes = new DjongoRepositoryFactory(template).getRepository(NoteRepository.class);
		usesTheSession((none) -> notes.findAll());
		usesTheSession((none) -> notes.save(new Note("saved")));
		usesTheSession((none) -> notes.mongoFindOne(new Document("text", "stored")));
	}

	@Test
	void theRawCollectionAskedForInside() {
		usesTheSession((none) -> template.mongo(Note.class).countDocuments());
		// a collection kept from outside is not bound: it runs outside the transaction
		var kept = template.mongo(Note.class);
		new TransactionTemplate(manager).executeWithoutResult((status) -> assertThat(kept.countDocuments()).isOne());
	}

	@Test
	void deletionsFollowingRelations() {
		template.insert(new Author(7L, "Ann"));
		usesTheSession((none) -> template.deleteByIds(Author.class, List.of(7L)));
	}

	@Test
	void gridFsUploads() {
		GridFsStorage storage = new GridFsStorage("sessions", template.getMongoDatabaseFactory());
		usesTheSession((none) -> storage.save("a.txt",
				new ByteArrayResource("content".getBytes(StandardCharsets.UTF_8)), "text/plain"));
	}

	@Test
	void theSessionIsPublishedForItsTransactionOnly() {
		TransactionTemplate outer = new TransactionTemplate(manager);
		TransactionTemplate inner = new TransactionTemplate(manager);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		assertThat(DjongoTransactionManager.currentSession(template.getMongoDatabaseFactory())).isNull();
		outer.executeWithoutResult((status) -> {
			ClientSession session = current();
			assertThat(session).isNotNull();
			inner.executeWithoutResult((nested) -> assertThat(current()).isNotNull().isNotSameAs(session));
			assertThat(current()).isSameAs(session);
			status.setRollbackOnly();
		});
		assertThat(current()).isNull();
	}

	/** The call works outside a transaction, and inside one the driver refuses it for its session. */
	private static void usesTheSession(Consumer<@Nullable Void> call) {
		call.accept(null);
		assertThatException().isThrownBy(() -> new TransactionTemplate(manager)
			.executeWithoutResult((status) -> call.accept(null)))
			.satisfies((ex) -> assertThat(messages(ex)).contains("doesn't support sessions"));
	}

	private static @Nullable ClientSession current() {
		return DjongoTransactionManager.currentSession(template.getMongoDatabaseFactory());
	}

	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append(" | ");
		}
		return messages.toString();
	}

	/** What a replica set looks like to the driver: the manager then begins sessions. */
	private static ClusterDescription replicaSet() {
		return new ClusterDescription(ClusterConnectionMode.MULTIPLE, ClusterType.REPLICA_SET,
				List.of(ServerDescription.builder()
					.address(new ServerAddress("db", 27017))
					.state(ServerConnectionState.CONNECTED)
					.type(ServerType.REPLICA_SET_PRIMARY)
					.ok(true)
					.logicalSessionTimeoutMinutes(30)
					.build()));
	}

}
