package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.test.autoconfigure.DjongoTest;
import io.djongo.spring.test.autoconfigure.DjongoTest.Isolation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DjongoTest(isolation = NONE)}: a test sees what the tests before it wrote. A database of its own
 * ({@code djongo.name}), so that no other test class shares its context.
 */
@DjongoTest(isolation = Isolation.NONE, properties = "djongo.name=library_kept")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DjongoTestWithoutIsolationIntegrationTests {

	@Autowired
	private GenreRepository genres;

	@Test
	@Order(1)
	void writes() {
		this.genres.save(new Genre("kept"));
	}

	@Test
	@Order(2)
	void aLaterTestSeesTheWrite() {
		assertThat(this.genres.objects().filter("name", "kept").count()).isEqualTo(1);
	}

}
