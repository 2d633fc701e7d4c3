package io.djongo.spring.core.relation.deletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.relation.Group;
import io.djongo.spring.core.relation.Membership;
import io.djongo.spring.core.relation.Person;
import io.djongo.spring.core.relation.ProtectedException;
import io.djongo.spring.core.relation.RestrictedException;
import io.djongo.spring.test.CommandRecorder;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Django's on_delete through QuerySet.delete() and DjongoTemplate.remove(model): CASCADE along Author -> Post ->
 * Comment, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING and many-to-many, with round trips that do not grow
 * with the number of documents.
 */
class OnDeleteIntegrationTests {

	static DjongoTemplate template;

	final CommandRecorder commands = TestClients.recorder();

	final Author ann = new Author(1L, "Ann");

	final Author bob = new Author(2L, "Bob");

	final Tag java = new Tag(1L, "java");

	final Tag mongo = new Tag(2L, "mongo");

	@BeforeAll
	static void template() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("ondelete"), Author.class,
				Post.class, Tag.class, Comment.class, Pin.class, Profile.class, Review.class);
	}

	@BeforeEach
	void data() {
		template.getDb().drop();
		template.insertAll(List.of(this.ann, this.bob, new Author(Review.ANONYMOUS, "Anonymous")));
		template.insertAll(List.of(this.java, this.mongo));
		Post annsFirst = new Post(1L, "Ann's first", this.ann, this.java, this.mongo);
		Post annsSecond = new Post(2L, "Ann's second", this.ann, this.java);
		Post bobs = new Post(3L, "Bob's", this.bob, this.mongo);
		template.insertAll(List.of(annsFirst, annsSecond, bobs));
		template.insertAll(List.of(new Comment(1L, "on Ann's first, by Ann", annsFirst, this.ann),
				new Comment(2L, "on Ann's first, by nobody", annsFirst, null),
				new Comment(3L, "on Ann's second, by Ann", annsSecond, this.ann),
				new Comment(4L, "on Bob's, by Bob", bobs, this.bob)));
		template.insert(new Profile(1L, "Ann writes", this.ann));
		template.insert(new Profile(2L, "Bob writes", this.bob));
		template.insert(new Review(1L, this.ann, bobs));
		template.insert(new Review(2L, this.bob, annsFirst));
		this.commands.clear();
	}

	@Test
	void withNoRelationPointingAtTheModelADeleteIsOneCommand() {
		DeleteResult result = template.objects(Comment.class).filter("text__contains", "Ann's first").delete();
		assertThat(result.count()).isEqualTo(2);
		assertThat(result.perModel()).isEqualTo(Map.of(Comment.class, 2L));
		assertThat(this.commands.names()).containsExactly("delete");
	}

	@Test
	void cascadeFollowsTheChainAndCountsPerModel() {
		DeleteResult result = template.objects(Author.class).filter("name", "Ann").delete();
		assertThat(result.perModel()).isEqualTo(Map.of(Author.class, 1L, Post.class, 2L, Comment.class, 3L));
		assertThat(result.count()).isEqualTo(6);
		assertThat(ids(Author.class)).containsExactly(0L, 2L);
		assertThat(ids(Post.class)).containsExactly(3L);
		assertThat(ids(Comment.class)).containsExactly(4L);
	}

	@Test
	void protectStopsACascadeMidwayAndNothingIsWritten() {
		template.insert(new Pin(1L, template.findById(2L, Post.class)));
		this.commands.clear();
		assertThatExceptionOfType(ProtectedException.class)
			.isThrownBy(() -> template.objects(Author.class).filter("name", "Ann").delete())
			.withMessage("Cannot delete some instances of model 'Post' because they are referenced through protected"
					+ " foreign keys: 'Pin.post'.")
			.satisfies((ex) -> assertThat(ex.getProtectedObjects()).singleElement()
				.isInstanceOfSatisfying(Pin.class, (pin) -> assertThat(pin.id).isEqualTo(1L)));
		assertThat(this.commands.names()).containsOnly("find");
		assertThat(ids(Author.class)).containsExactly(0L, 1L, 2L);
		assertThat(ids(Post.class)).containsExactly(1L, 2L, 3L);
		assertThat(ids(Comment.class)).hasSize(4);
		assertThat(template.mongo(Profile.class).find(new Document("_id", 1L)).first()).containsEntry("author_id", 1L);
	}

	@Test
	void protectOnTheModelItselfListsEveryProtectingObject() {
		template.insertAll(List.of(new Pin(1L, template.findById(1L, Post.class)),
				new Pin(2L, template.findById(3L, Post.class))));
		assertThatExceptionOfType(ProtectedException.class).isThrownBy(() -> template.objects(Post.class).delete())
			.satisfies((ex) -> assertThat(ex.getProtectedObjects()).extracting((pin) -> ((Pin) pin).id)
				.containsExactly(1L, 2L));
		assertThat(ids(Post.class)).containsExactly(1L, 2L, 3L);
	}

	@Test
	void restrictIsAllowedWhenTheSameDeletionCascadesToTheRestrictingObjects() {
		// Ann's comments are on Ann's posts: deleting Ann reaches them through the posts as well
		assertThat(template.objects(Author.class).filter("pk", 1L).delete().count(Comment.class)).isEqualTo(3);
	}

	@Test
	void restrictRefusesWhenARestrictingObjectIsNotDeletedByACascade() {
		template.insert(new Comment(5L, "on Bob's, by Ann", template.findById(3L, Post.class), this.ann));
		this.commands.clear();
		assertThatExceptionOfType(RestrictedException.class)
			.isThrownBy(() -> template.objects(Author.class).filter("pk", 1L).delete())
			.withMessage("Cannot delete some instances of model 'Author' because they are referenced through"
					+ " restricted foreign keys: 'Comment.author'.")
			.satisfies((ex) -> assertThat(ex.getRestrictedObjects()).singleElement()
				.isInstanceOfSatisfying(Comment.class, (comment) -> assertThat(comment.id).isEqualTo(5L)));
		assertThat(this.commands.names()).containsOnly("find");
		assertThat(ids(Author.class)).containsExactly(0L, 1L, 2L);
		// deleting both authors deletes Bob's post, hence the comment: allowed
		assertThat(template.objects(Author.class).filter("pk__in", List.of(1L, 2L)).delete().perModel())
			.isEqualTo(Map.of(Author.class, 2L, Post.class, 3L, Comment.class, 5L));
	}

	@Test
	void setNullUnsetsTheReferenceAndKeepsTheReferringModel() {
		template.objects(Author.class).filter("pk", 1L).delete();
		Document profile = template.mongo(Profile.class).find(new Document("_id", 1L)).first();
		assertThat(profile).containsEntry("bio", "Ann writes").doesNotContainKey("author_id");
		assertThat(template.objects(Profile.class).filter("author__isnull", true).count()).isEqualTo(1);
		assertThat(template.mongo(Profile.class).find(new Document("_id", 2L)).first()).containsEntry("author_id", 2L);
	}

	@Test
	void setDefaultWritesTheIdTheNoArgumentConstructorGives() {
		template.objects(Author.class).filter("pk", 1L).delete();
		assertThat(template.mongo(Review.class).find(new Document("_id", 1L)).first()).containsEntry("reviewer_id", 0L);
		assertThat(template.findById(1L, Review.class).reviewer.getName()).isEqualTo("Anonymous");
		assertThat(template.mongo(Review.class).find(new Document("_id", 2L)).first()).containsEntry("reviewer_id", 2L);
	}

	@Test
	void doNothingLeavesADanglingReference() {
		template.objects(Post.class).filter("pk", 1L).delete();
		assertThat(template.mongo(Review.class).find(new Document("_id", 2L)).first()).containsEntry("post_id", 1L);
	}

	@Test
	void deletingAManyToManyTargetPullsItsIdFromTheOwners() {
		DeleteResult result = template.objects(Tag.class).filter("name", "java").delete();
		assertThat(result.perModel()).isEqualTo(Map.of(Tag.class, 1L));
		assertThat(this.commands.names()).containsExactly("find", "update", "delete");
		assertThat(template.mongo(Post.class).find(new Document("_id", 1L)).first().getList("tags", Long.class))
			.containsExactly(2L);
		assertThat(template.mongo(Post.class).find(new Document("_id", 2L)).first().getList("tags", Long.class))
			.isEmpty();
		assertThat(ids(Post.class)).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aThroughModelGoesByItsOwnForeignKeysAndNoArrayIsTouched() {
		DjongoTemplate through = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("ondelete_through"),
				Person.class, Group.class, Membership.class);
		Person john = new Person(1, "John");
		Person paul = new Person(2, "Paul");
		Group beatles = new Group(1, "Beatles");
		Group wings = new Group(2, "Wings");
		through.insertAll(List.of(john, paul));
		through.insertAll(List.of(beatles, wings));
		through.insertAll(List.of(new Membership(1, john, beatles, "1960-08-01"),
				new Membership(2, paul, beatles, "1960-08-01"), new Membership(3, paul, wings, "1971-08-01")));
		this.commands.clear();
		DeleteResult result = through.objects(Group.class).filter("name", "Beatles").delete();
		assertThat(result.perModel()).isEqualTo(Map.of(Group.class, 1L, Membership.class, 2L));
		assertThat(this.commands.names()).containsExactly("find", "find", "delete", "delete");
		assertThat(through.objects(Person.class).filter("groups__name", "Wings").count()).isEqualTo(1);
		through.getDb().drop();
	}

	@Test
	void removingOneModelThroughTheTemplateCascades() {
		Author ann = template.findById(1L, Author.class);
		assertThat(template.remove(ann).getDeletedCount()).isEqualTo(1);
		assertThat(ids(Post.class)).containsExactly(3L);
		assertThat(ids(Comment.class)).containsExactly(4L);
	}

	@Test
	void aDeletionMatchingNothingSendsOneFind() {
		assertThat(template.objects(Author.class).filter("name", "Nobody").delete()).isEqualTo(new DeleteResult(0, Map.of()));
		assertThat(this.commands.names()).containsExactly("find");
	}

	@Test
	void roundTripsFollowTheRelationsNotTheDocuments() {
		template.objects(Author.class).filter("pk", 2L).delete();
		List<String> few = this.commands.names();
		// 20 authors with 10 posts of 3 comments each
		List<Author> authors = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		List<Comment> comments = new ArrayList<>();
		for (long a = 100; a < 120; a++) {
			Author author = new Author(a, "Author " + a);
			authors.add(author);
			for (int p = 0; p < 10; p++) {
				Post post = new Post(a * 100 + p, "Post", author, this.java);
				posts.add(post);
				for (int c = 0; c < 3; c++) {
					comments.add(new Comment(post.id * 10 + c, "Comment", post, author));
				}
			}
		}
		template.insertAll(authors);
		template.insertAll(posts);
		template.insertAll(comments);
		this.commands.clear();
		DeleteResult result = template.objects(Author.class).filter("name__startswith", "Author").delete();
		assertThat(result.perModel()).isEqualTo(Map.of(Author.class, 20L, Post.class, 200L, Comment.class, 600L));
		assertThat(this.commands.names()).isEqualTo(few);
		// one find of the authors, one per CASCADE/PROTECT/RESTRICT relation reached, one update per
		// SET_NULL/SET_DEFAULT relation, one delete per model
		assertThat(few).filteredOn("find"::equals).hasSize(5);
		assertThat(few).filteredOn("update"::equals).hasSize(2);
		assertThat(few).filteredOn("delete"::equals).hasSize(3);
		assertThat(few).hasSize(10);
	}

	@Test
	void theEmbeddedServerRunsDeletionsWithoutATransaction() {
		// what the driver reports of the deployment decides, as djongo decides it
		ClusterDescription cluster = TestClients.client().getClusterDescription();
		boolean transactions = cluster.getLogicalSessionTimeoutMinutes() != null
				&& (cluster.getType() == ClusterType.REPLICA_SET || cluster.getType() == ClusterType.SHARDED);
		template.objects(Author.class).filter("pk", 1L).delete();
		boolean inTransaction = this.commands.commands()
			.stream()
			.anyMatch((BsonDocument command) -> command.containsKey("startTransaction"));
		assertThat(inTransaction).isEqualTo(transactions);
		if (TestMongo.isEmbedded()) {
			assertThat(transactions).isFalse();
		}
	}

	private static List<Long> ids(Class<?> model) {
		return template.objects(model).orderBy("pk").valuesList("pk", Long.class).list();
	}

}
