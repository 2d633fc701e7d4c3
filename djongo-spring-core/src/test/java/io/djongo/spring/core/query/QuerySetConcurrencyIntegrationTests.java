package io.djongo.spring.core.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.djongo.spring.core.bridge.DjongoTemplate;
import io.djongo.spring.core.query.aggregate.Sum;
import io.djongo.spring.core.repository.DjongoRepository;
import io.djongo.spring.core.repository.config.EnableDjongoRepositories;
import io.djongo.spring.test.DjongoTestConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * QuerySets and models shared by threads: 8 threads doing 1,000 mixed reads and writes each raise nothing and leave
 * totals that add up; a lost update on a {@code @Version} model raises {@link OptimisticLockingFailureException}.
 */
@SpringJUnitConfig
class QuerySetConcurrencyIntegrationTests {

	static final int THREADS = 8;

	static final int OPERATIONS = 1_000;

	static final int TICKETS = 50;

	@Autowired
	DjongoTemplate template;

	@Autowired
	TicketRepository tickets;

	@Autowired
	NoteRepository notes;

	@Test
	void eightThreadsOfMixedReadsAndWritesAddUp() throws Exception {
		this.tickets.saveAll(IntStream.range(0, TICKETS).mapToObj((i) -> new Ticket("seed")).toList());
		// one QuerySet shared by every thread: QuerySets are immutable, their caches thread-safe
		QuerySet<Ticket> shared = this.tickets.objects().filter("views__gte", 0);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Tally>> results = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			String owner = "thread" + t;
			Random random = new Random(t);
			results.add(pool.submit(work(owner, random, shared)));
		}
		pool.shutdown();
		long increments = 0;
		long created = 0;
		Set<Long> createdIds = new HashSet<>();
		for (Future<Tally> result : results) {
			Tally tally = result.get();
			increments += tally.increments;
			created += tally.created.size();
			createdIds.addAll(tally.created);
		}
		assertThat(createdIds).as("auto-increment ids are never shared").hasSize((int) created);
		QuerySet<Ticket> all = this.tickets.objects();
		assertThat(all.count()).isEqualTo(TICKETS + created);
		Map<String, @Nullable Object> totals = all.aggregate(Sum.of("views"));
		assertThat(((Number) totals.get("views__sum")).longValue()).isEqualTo(increments);
		for (int t = 0; t < THREADS; t++) {
			assertThat(all.filter("owner", "thread" + t).count()).isEqualTo(
					results.get(t).get().created.size());
		}
	}

	private Callable<Tally> work(String owner, Random random, QuerySet<Ticket> shared) {
		return () -> {
			Tally tally = new Tally();
			for (int i = 0; i < OPERATIONS; i++) {
				int kind = random.nextInt(10);
				if (kind < 4) {
					// an atomic $inc of a seed ticket
					long id = 1 + random.nextInt(TICKETS);
					long matched = this.tickets.objects().filter("pk", id).update("views", F.of("views").plus(1));
					assertThat(matched).isEqualTo(1);
					tally.increments++;
				}
				else if (kind < 6) {
					Ticket ticket = this.tickets.save(new Ticket(owner));
					tally.created.add(ticket.id);
				}
				else if (kind < 8) {
					assertThat(shared.count()).isGreaterThanOrEqualTo(TICKETS);
					List<Ticket> mine = this.tickets.objects().filter("owner", owner).orderBy("-id").slice(0, 5).list();
					assertThat(mine).allSatisfy((ticket) -> assertThat(ticket.owner).isEqualTo(owner));
				}
				else {
					assertThat(this.tickets.objects().filter("pk__lte", TICKETS).aggregate(Sum.of("views")))
						.containsKey("views__sum");
					assertThat(shared.exists()).isTrue();
				}
			}
			return tally;
		};
	}

	@Test
	void aLostUpdateOnAVersionedModelIsRefused() {
		Note saved = this.notes.save(new Note("first"));
		Note mine = this.notes.findById(saved.id).orElseThrow();
		Note theirs = this.notes.findById(saved.id).orElseThrow();

		theirs.text = "theirs";
		this.notes.save(theirs);
		mine.text = "mine";

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.notes.save(mine));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.template.save(mine));
		assertThat(this.notes.findById(saved.id).orElseThrow().text).isEqualTo("theirs");
		assertThat(this.notes.objects().get("pk", saved.id).version).isEqualTo(1L);
	}

	@Test
	void concurrentVersionedUpdatesLoseNothing() throws Exception {
		Note note = this.notes.save(new Note("0"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Integer>> conflicts = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			conflicts.add(pool.submit(() -> {
				int refused = 0;
				for (int done = 0; done < 25;) {
					Note current = this.notes.findById(note.id).orElseThrow();
					current.text = String.valueOf(Integer.parseInt(current.text) + 1);
					try {
						this.notes.save(current);
						done++;
					}
					catch (OptimisticLockingFailureException ex) {
						refused++;
					}
				}
				return refused;
			}));
		}
		pool.shutdown();
		for (Future<Integer> refused : conflicts) {
			refused.get();
		}
		Note last = this.notes.findById(note.id).orElseThrow();
		assertThat(last.text).isEqualTo("100");
		assertThat(last.version).isEqualTo(100L);
	}

	static final class Tally {

		long increments;

		final List<Long> created = new ArrayList<>();

	}

	@Document("concurrent_ticket")
	static class Ticket {

		@Id
		@Nullable Long id;

		String owner;

		int views;

		Ticket(String owner) {
			this.owner = owner;
		}

	}

	@Document("concurrent_note")
	static class Note {

		@Id
		@Nullable Long id;

		@Version
		@Nullable Long version;

		String text;

		Note(String text) {
			this.text = text;
		}

	}

	interface TicketRepository extends DjongoRepository<Ticket, Long> {

	}

	interface NoteRepository extends DjongoRepository<Note, Long> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDjongoRepositories(considerNestedRepositories = true)
	@Import(DjongoTestConfiguration.class)
	static class Config {

	}

}
