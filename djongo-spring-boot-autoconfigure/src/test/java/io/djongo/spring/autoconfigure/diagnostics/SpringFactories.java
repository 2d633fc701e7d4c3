package io.djongo.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;

/**
 * djongo's {@code META-INF/spring.factories}.
 */
final class SpringFactories {

	private SpringFactories() {
	}

	/** The failure analyzers djongo registers. */
	static List<String> failureAnalyzers() {
		Properties factories = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/spring.factories").getInputStream()) {
			factories.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Arrays.stream(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer", "")
			.split(","))
			.map(String::trim)
			.toList();
	}

}
