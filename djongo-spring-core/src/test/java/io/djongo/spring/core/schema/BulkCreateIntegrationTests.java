package io.djongo.spring.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import jakarta.validation.constraints.NotBlank;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A bulk create hitting a unique index at item k says exactly which models failed, which were written and which
 * were not attempted, with MongoDB's ordered and unordered semantics, and the stored data agrees with it.
 */
@SpringJUnitConfig
class BulkCreateIntegrationTests {

	static final String COLLECTION = "bulk_member";

	@Autowired
	DjongoTemplate template;

	@Autowired
	MemberRepository members;

	@BeforeEach
	void uniqueEmailAndOneTakenAddress() {
		this.template.mongo(COLLECTION).drop();
		this.template.mongo(COLLECTION).createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		this.template.mongo(COLLECTION).insertOne(new Document("_id", 1_000_000L).append("email", "taken@example.com"));
	}

	static List<Member> members(int count) {
		return new ArrayList<>(IntStream.range(0, count).mapToObj((i) -> new Member("m" + i + "@example.com")).toList());
	}

	@Test
	void orderedStopsAtTheRefusedModelAndSaysWhatWasNotAttempted() {
		List<Member> batch = members(10);
		batch.get(4).email = "taken@example.com";

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class,
				() -> this.template.bulkCreate(batch));

		assertThat(failure.isOrdered()).isTrue();
		assertThat(failure.getFailures()).singleElement().satisfies((refused) -> {
			assertThat(refused.index()).isEqualTo(4);
			assertThat(refused.model()).isSameAs(batch.get(4));
			assertThat(refused.code()).isEqualTo(11000);
			assertThat(refused.message()).contains("email");
		});
		assertThat(failure.getWritten()).containsExactlyElementsOf(batch.subList(0, 4));
		assertThat(failure.getNotAttempted()).containsExactlyElementsOf(batch.subList(5, 10));
		assertThat(failure).isInstanceOf(DuplicateKeyException.class)
			.hasMessageContaining("1 of 10 Member models not created")
			.hasMessageContaining("stopped at model 4")
			.hasMessageContaining("models 5 to 9 are not attempted");
		assertThat(storedEmails()).containsExactlyInAnyOrder("taken@example.com", "m0@example.com", "m1@example.com",
				"m2@example.com", "m3@example.com");
	}

	@Test
	void unorderedWritesEveryModelItDoesNotRefuse() {
		List<Member> batch = members(10);
		batch.get(2).email = "taken@example.com";
		batch.get(7).email = batch.get(1).email;

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class,
				() -> this.template.bulkCreate(batch, false));

		assertThat(failure.isOrdered()).isFalse();
		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::index).containsExactly(2, 7);
		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::model)
			.containsExactly(batch.get(2), batch.get(7));
		assertThat(failure.getNotAttempted()).isEmpty();
		List<Member> written = new ArrayList<>(batch);
		written.remove(7);
		written.remove(2);
		assertThat(failure.getWritten()).containsExactlyElementsOf(written);
		assertThat(failure).hasMessageContaining("2 of 10 Member models not created (unordered");
		assertThat(storedEmails()).hasSize(9)
			.contains("taken@example.com")
			.containsAll(written.stream().map((member) -> member.email).toList());
	}

	@Test
	void repositorySaveAllReportsPerModelToo() {
		List<Member> batch = members(3);
		batch.get(0).email = "taken@example.com";

		BulkCreateException failure = catchThrowableOfType(BulkCreateException.class,
				() -> this.members.saveAll(batch));

		assertThat(failure.getFailures()).extracting(BulkCreateException.Failure::index).containsExactly(0);
		assertThat(failure.getWritten()).isEmpty();
		assertThat(failure.getNotAttempted()).containsExactly(batch.get(1), batch.get(2));
		assertThat(failure).hasMessageContaining("none before it is written");
		assertThat(storedEmails()).containsExactly("taken@example.com");
	}

	@Test
	void aBulkCreateWithoutConflictWritesEverythingWithIds() {
		List<Member> created = this.template.bulkCreate(members(5), false);
		assertThat(created).extracting((member) -> member.id).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(storedEmails()).hasSize(6);
		assertThat(this.template.bulkCreate(List.<Member>of())).isEmpty();
	}

	@Test
	void anInvalidModelStopsTheWholeBulkCreateBeforeAnythingIsSent() {
		List<Member> batch = members(4);
		batch.get(3).email = " ";
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.template.bulkCreate(batch, false))
			.withMessageContaining("1 of 4 Member objects is not valid");
		assertThat(storedEmails()).containsExactly("taken@example.com");
	}

	private List<String> storedEmails() {
		List<String> emails = new ArrayList<>();
		this.template.mongo(COLLECTION).find().forEach((document) -> emails.add(document.getString("email")));
		return emails;
	}

	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	static class Member {

		@Id
		@Nullable Long id;

		@NotBlank
		String email;

		Member(String email) {
			this.email = email;
		}

		@Override
		public String toString() {
			return "Member[" + this.email + "]";
		}

	}

	interface MemberRepository extends DjongoRepository<Member, Long> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

}
