package io.djongo.spring.autoconfigure.embedded;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;
import org.bson.Document;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A command-line application for {@link CommandLineApplicationIntegrationTests}, run in a JVM of its own: its runner
 * writes and reads a document on the embedded server, then reports the threads that could keep the JVM alive.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CommandLineApplication {

	/** The line the runner prints when it has finished. */
	static final String FINISHED = "runner finished, documents: ";

	/** The line that lists the live non-daemon threads other than the main thread. */
	static final String NON_DAEMON = "non-daemon threads: ";

	public static void main(String[] args) {
		SpringApplication.run(CommandLineApplication.class, args);
	}

	@Bean
	ApplicationRunner writeAndRead(DjongoTemplate template) {
		return (arguments) -> {
			template.mongo("runs").insertOne(new Document("at", System.currentTimeMillis()));
			System.out.println(FINISHED + template.mongo("runs").countDocuments());
			List<String> nonDaemon = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !thread.isDaemon() && thread != Thread.currentThread()
						&& !thread.getName().equals("DestroyJavaVM"))
				.map(Thread::getName)
				.sorted()
				.toList();
			System.out.println(NON_DAEMON + nonDaemon);
		};
	}

}
