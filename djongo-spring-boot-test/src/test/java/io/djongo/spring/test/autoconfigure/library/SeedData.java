package io.djongo.spring.test.autoconfigure.library;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A component of the application that the slice leaves out (it would seed data into every test).
 */
@Component
class SeedData implements ApplicationRunner {

	private final Catalogue catalogue;

	SeedData(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.catalogue.add("Seeded", "seed");
	}

}
