package io.djongo.spring.core.django;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.django.Band.Membership;
import io.djongo.spring.core.django.Band.Musician;
import io.djongo.spring.core.query.DeleteResult;
import io.djongo.spring.core.query.aggregate.Count;
import io.djongo.spring.test.DjongoTestConfiguration;
import io.djongo.spring.test.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Django's {@code through=} model in Django storage: its rows are its own documents ({@code {id, musician_id,
 * band_id, since}}), lookups, prefetch, annotate and deletions go through it as in native storage.
 */
class DjangoThroughModelIntegrationTests {

	@Test
	void aThroughModelOfTheApplicationKeepsWorking() {
		DjongoTemplate template = DjongoTestConfiguration.template(TestMongo.uniqueDatabaseName("django_through"),
				Band.class, Musician.class, Membership.class);
		Musician john = template.insert(new Musician("John"));
		Musician paul = template.insert(new Musician("Paul"));
		Band beatles = template.insert(new Band("Beatles"));
		Band wings = template.insert(new Band("Wings"));
		template.insertAll(List.of(new Membership(john, beatles, 1960), new Membership(paul, beatles, 1960),
				new Membership(paul, wings, 1971)));

		Document row = template.mongo(Membership.class).find(new Document("id", 3)).first();
		assertThat(row).containsEntry("musician_id", 2).containsEntry("band_id", 2).containsEntry("since", 1971)
			.doesNotContainKey("_class");
		assertThat(template.objects(Band.class).filter("members__name", "Paul").orderBy("id")
			.valuesList("name", String.class).list()).containsExactly("Beatles", "Wings");
		assertThat(template.objects(Musician.class).filter("bands__name", "Wings").valuesList("name", String.class)
			.list()).containsExactly("Paul");
		assertThat(template.objects(Band.class).annotate("n", Count.of("members")).orderBy("id")
			.valuesList("n", Integer.class).list()).containsExactly(2, 1);
		List<Band> bands = template.objects(Band.class).prefetchRelated("members").orderBy("id").list();
		assertThat(bands.get(0).members).extracting((musician) -> musician.name).containsExactlyInAnyOrder("John",
				"Paul");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.manyToMany(beatles, "members").add(john))
			.withMessageContaining("its pairs are Membership models");

		DeleteResult deleted = template.objects(Musician.class).filter("name", "Paul").delete();
		assertThat(deleted.count(Membership.class)).isEqualTo(2);
		assertThat(deleted.count()).isEqualTo(3);
	}

}
