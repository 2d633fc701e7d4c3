package io.djongo.spring.autoconfigure.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A non-web application ({@code spring.main.web-application-type=none}) on the embedded server exits when its runners
 * finish: run in a JVM of its own, it ends by itself with status 0, and its runner sees no non-daemon thread but its
 * own. The wait below is only a guard against a hang; the proof is the list of threads and the exit.
 */
class CommandLineApplicationIntegrationTests {

	private static final long HANG_GUARD_SECONDS = 180;

	@Test
	void exitsWhenItsRunnersFinish(@TempDir Path directory) throws Exception {
		String output = run(directory);
		assertThat(output).contains("djongo started an embedded MongoDB-wire server")
			.contains(CommandLineApplication.FINISHED + "1")
			.contains(CommandLineApplication.NON_DAEMON + "[]");
	}

	@Test
	void exitsWhenItsRunnersFinishWithDataInAFileThatTheNextRunReads(@TempDir Path directory) throws Exception {
		String path = "--djongo.embedded.path=" + directory.resolve("cli.mv");
		assertThat(run(directory, path)).contains(CommandLineApplication.FINISHED + "1")
			.contains(CommandLineApplication.NON_DAEMON + "[]");
		assertThat(run(directory, path)).contains(CommandLineApplication.FINISHED + "2")
			.contains(CommandLineApplication.NON_DAEMON + "[]");
	}

	private static String run(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), CommandLineApplication.class.getName(),
				"--spring.main.web-application-type=none", "--djongo.name=cli"));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(directory, "cli", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// nothing from this JVM's environment may configure a connection
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("DJONGO_"));
		Process process = builder.start();
		boolean exited = process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly().waitFor();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(exited).as("the application exited by itself; its output:%n%s", output).isTrue();
		assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
		return output;
	}

}
