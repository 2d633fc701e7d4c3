package io.djongo.spring.test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Decides, from the environment and the file system alone, whether a Docker engine may be reachable, so that a JVM
 * without one falls back to the embedded server at once instead of through Testcontainers' probe (seconds of class
 * loading and an ERROR line per test JVM).
 * <p>
 * The decision errs towards asking Testcontainers: any configuration that Testcontainers or docker-java reads to find
 * an engine ({@code DOCKER_HOST}, a Docker context, {@code TESTCONTAINERS_*} variables, {@code docker.host},
 * {@code tc.host} or {@code docker.client.strategy} in {@code ~/.testcontainers.properties}, {@code DOCKER_HOST} in
 * {@code ~/.docker-java.properties}), any socket file where its strategies look, or Windows (named pipes) answers
 * "maybe"; only their joint absence answers "no". A docker CLI without an engine is no engine.
 */
public final class DockerEnvironment {

	private static final List<String> ABSOLUTE_SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock");

	private static final List<String> HOME_SOCKETS = List.of(".docker/run/docker.sock", ".docker/desktop/docker.sock",
			".colima/default/docker.sock", ".colima/docker.sock", ".rd/docker.sock", ".orbstack/run/docker.sock");

	private static final List<String> TESTCONTAINERS_KEYS = List.of("docker.host", "tc.host",
			"docker.client.strategy");

	private static final Pattern CURRENT_CONTEXT = Pattern.compile("\"currentContext\"\\s*:\\s*\"([^\"]*)\"");

	private final Map<String, String> environment;

	private final Path root;

	private final Path home;

	private final String osName;

	private final String uid;

	/**
	 * An environment to judge.
	 * @param environment the variables
	 * @param root the file system root that absolute socket paths are resolved against
	 * @param home the user's home directory
	 * @param osName the {@code os.name} system property
	 * @param uid the numeric user id (for {@code /run/user/<uid>/docker.sock})
	 */
	public DockerEnvironment(Map<String, String> environment, Path root, Path home, String osName, String uid) {
		this.environment = Map.copyOf(environment);
		this.root = root;
		this.home = home;
		this.osName = osName;
		this.uid = uid;
	}

	/** The environment of this JVM. */
	public static DockerEnvironment current() {
		Path root = Path.of("/");
		return new DockerEnvironment(System.getenv(), root, Path.of(System.getProperty("user.home", "/")),
				System.getProperty("os.name", ""), currentUid(root));
	}

	/**
	 * Whether a Docker engine may be reachable; {@code false} means that Testcontainers would certainly find none.
	 */
	public boolean mayBeReachable() {
		return reason() != null;
	}

	/** What makes an engine possible, or {@code null} when nothing does. */
	public @Nullable String reason() {
		if (osName.startsWith("Windows")) {
			return "Windows (named pipes are not probed here)";
		}
		for (String variable : List.of("DOCKER_HOST", "DOCKER_CONTEXT")) {
			if (isSet(environment.get(variable))) {
				return variable + " is set";
			}
		}
		for (Map.Entry<String, String> variable : environment.entrySet()) {
			if (variable.getKey().startsWith("TESTCONTAINERS_") && isSet(variable.getValue())) {
				return variable.getKey() + " is set";
			}
		}
		String configured = configured(".testcontainers.properties", TESTCONTAINERS_KEYS);
		if (configured == null) {
			configured = configured(".docker-java.properties", List.of("DOCKER_HOST"));
		}
		if (configured != null) {
			return configured;
		}
		String context = currentContext();
		if (context != null && !context.isEmpty() && !context.equals("default")) {
			return "Docker context " + context;
		}
		for (Path socket : sockets()) {
			if (Files.exists(socket)) {
				return "socket " + socket;
			}
		}
		return null;
	}

	private List<Path> sockets() {
		List<Path> sockets = new ArrayList<>();
		for (String socket : ABSOLUTE_SOCKETS) {
			sockets.add(underRoot(socket));
		}
		String runtime = environment.get("XDG_RUNTIME_DIR");
		if (runtime != null && runtime.startsWith("/")) {
			sockets.add(underRoot(runtime).resolve("docker.sock"));
		}
		sockets.add(underRoot("/run/user/" + uid + "/docker.sock"));
		for (String socket : HOME_SOCKETS) {
			sockets.add(home.resolve(socket));
		}
		return sockets;
	}

	private Path underRoot(String absolute) {
		return root.resolve(absolute.substring(1));
	}

	private @Nullable String currentContext() {
		Path config = home.resolve(".docker/config.json");
		if (!Files.isRegularFile(config)) {
			return null;
		}
		try {
			Matcher matcher = CURRENT_CONTEXT.matcher(Files.readString(config));
			return matcher.find() ? matcher.group(1) : null;
		}
		catch (IOException | RuntimeException ex) {
			// unreadable: let Testcontainers judge
			return "unreadable config.json";
		}
	}

	private @Nullable String configured(String fileName, List<String> keys) {
		Path file = home.resolve(fileName);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException | RuntimeException ex) {
			// unreadable: let Testcontainers judge
			return "~/" + fileName + " unreadable";
		}
		for (String key : keys) {
			if (isSet(properties.getProperty(key))) {
				return key + " in ~/" + fileName;
			}
		}
		return null;
	}

	private static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String currentUid(Path root) {
		try {
			Object uid = Files.getAttribute(root.resolve("proc/self"), "unix:uid");
			return String.valueOf(uid);
		}
		catch (IOException | RuntimeException ex) {
			return "1000";
		}
	}

}
