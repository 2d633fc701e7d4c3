package io.djongo.spring.core.relation;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestClients;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A many-to-many carried by a through model with data of its own (Django's {@code through}).
 */
class ThroughRelationIntegrationTests {

	static DjongoTemplate template;

	@BeforeAll
	static void data() {
		template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("through"), Person.class, Group.class,
				Membership.class);
		Person john = new Person(1, "John");
		Person paul = new Person(2, "Paul");
		Person yoko = new Person(3, "Yoko");
		Group beatles = new Group(1, "Beatles");
		Group wings = new Group(2, "Wings");
		template.insertAll(List.of(john, paul, yoko));
		template.insertAll(List.of(beatles, wings));
		template.insertAll(List.of(new Membership(1, john, beatles, "1960-08-01"),
				new Membership(2, paul, beatles, "1960-08-01"), new Membership(3, paul, wings, "1971-08-01")));
	}

	static List<String> names(io.djongo.spring.core.query.QuerySet<?> qs) {
		return qs.orderBy("id").valuesList("name", String.class).list();
	}

	@Test
	void theFieldIsNotStoredInTheOwner() {
		Document john = template.mongo(Person.class).find(new Document("_id", 1L)).first();
		assertThat(john).doesNotContainKey("groups");
		template.save(template.objects(Person.class).get("pk", 3));
		assertThat(template.mongo(Person.class).find(new Document("_id", 3L)).first()).doesNotContainKey("groups");
	}

	@Test
	void lookupsGoThroughTheThroughModelBothWaysInOneCommand() {
		TestClients.recorder().clear();
		assertThat(names(template.objects(Person.class).filter("groups__name", "Wings"))).containsExactly("Paul");
		assertThat(names(template.objects(Person.class).filter("groups__name", "Beatles"))).containsExactly("John",
				"Paul");
		assertThat(names(template.objects(Group.class).filter("members__name", "John"))).containsExactly("Beatles");
		assertThat(names(template.objects(Person.class).filter("groups__isnull", true))).containsExactly("Yoko");
		assertThat(TestClients.recorder().names()).containsOnly("aggregate").hasSize(4);
	}

	@Test
	void theThroughModelsOwnFieldsAreReachable() {
		assertThat(names(template.objects(Person.class)
			.filter(Map.of("membership__joined__year", 1971, "membership__group__name", "Wings"))))
			.containsExactly("Paul");
		assertThat(names(template.objects(Person.class)
			.filter(Map.of("membership__joined__year", 1971, "membership__group__name", "Beatles")))).isEmpty();
	}

	@Test
	void prefetchRelatedReadsThePairsThenTheRelatedModels() {
		TestClients.recorder().clear();
		List<Person> people = template.objects(Person.class).prefetchRelated("groups").orderBy("id").list();
		assertThat(people.get(0).groups).extracting((group) -> group.name).containsExactly("Beatles");
		assertThat(people.get(1).groups).extracting((group) -> group.name).containsExactlyInAnyOrder("Beatles",
				"Wings");
		assertThat(people.get(2).groups).isEmpty();
		assertThat(TestClients.recorder().names()).containsExactly("find", "find", "find");
	}

	@Test
	void annotateCountsThroughTheThroughModel() {
		assertThat(template.objects(Person.class)
			.annotate("n", Count.of("groups"))
			.orderBy("id")
			.valuesList("n", Integer.class)
			.list()).containsExactly(1, 2, 0);
	}

	@Test
	void relatedFollowsTheThroughModel() {
		Person paul = template.objects(Person.class).get("pk", 2);
		Group beatles = template.objects(Group.class).get("pk", 1);
		assertThat(names(template.related(paul, "groups"))).containsExactly("Beatles", "Wings");
		assertThat(names(template.related(beatles, "members"))).containsExactly("John", "Paul");
	}

	@Test
	void unknownNamesListTheThroughRelations() {
		assertThatExceptionOfType(FieldError.class)
			.isThrownBy(() -> template.objects(Person.class).filter("grups__name", "x"))
			.withMessageContaining("Choices are: groups, id, membership, name");
	}

}
