package io.djongo.spring.core.django;

import java.util.List;

import io.djongo.spring.core.model.Model;
import io.djongo.spring.core.model.Storage;
import io.djongo.spring.core.relation.ManyToMany;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code class Band(models.Model): name = CharField(); members = ManyToManyField(Musician, through="Membership")}:
 * a through model of the application's, in Django storage.
 */
@Document("music_band")
@Model(storage = Storage.DJANGO)
public class Band {

	@Id
	Long id;

	String name;

	@ManyToMany(through = Membership.class, relatedName = "bands")
	List<Musician> members;

	public Band() {
	}

	public Band(String name) {
		this.name = name;
	}

	@Document("music_musician")
	@Model(storage = Storage.DJANGO)
	public static class Musician {

		@Id
		Long id;

		String name;

		public Musician() {
		}

		public Musician(String name) {
			this.name = name;
		}

	}

	@Document("music_membership")
	@Model(storage = Storage.DJANGO)
	public static class Membership {

		@Id
		Long id;

		@io.djongo.spring.core.relation.ForeignKey(onDelete = io.djongo.spring.core.relation.OnDelete.CASCADE)
		Musician musician;

		@io.djongo.spring.core.relation.ForeignKey(onDelete = io.djongo.spring.core.relation.OnDelete.CASCADE)
		Band band;

		Integer since;

		public Membership() {
		}

		public Membership(Musician musician, Band band, int since) {
			this.musician = musician;
			this.band = band;
			this.since = since;
		}

	}

}
