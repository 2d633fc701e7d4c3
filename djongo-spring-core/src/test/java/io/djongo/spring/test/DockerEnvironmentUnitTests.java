package io.djongo.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEnvironmentUnitTests {

	@TempDir
	Path root;

	Path home;

	@BeforeEach
	void home() throws IOException {
		this.home = Files.createDirectories(this.root.resolve("home/dev"));
	}

	@Test
	void nothingConfiguredAndNoSocketMeansNoEngine() throws IOException {
		// a docker CLI on the PATH and an empty ~/.docker are no engine
		Files.createDirectories(this.home.resolve(".docker"));
		DockerEnvironment environment = linux(Map.of("PATH", "/usr/local/bin", "HOME", this.home.toString()));
		assertThat(environment.mayBeReachable()).isFalse();
		assertThat(environment.reason()).isNull();
	}

	@Test
	void dockerHostVariableMeansMaybe() {
		assertThat(linux(Map.of("DOCKER_HOST", "tcp://docker:2375")).reason()).isEqualTo("DOCKER_HOST is set");
	}

	@Test
	void blankDockerHostIsUnset() {
		assertThat(linux(Map.of("DOCKER_HOST", " ")).mayBeReachable()).isFalse();
	}

	@Test
	void dockerContextVariableMeansMaybe() {
		assertThat(linux(Map.of("DOCKER_CONTEXT", "colima")).reason()).isEqualTo("DOCKER_CONTEXT is set");
	}

	@Test
	void testcontainersVariablesMeanMaybe() {
		assertThat(linux(Map.of("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY", "custom")).reason())
			.isEqualTo("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY is set");
	}

	@Test
	void systemSocketMeansMaybe() throws IOException {
		touch(this.root.resolve("var/run/docker.sock"));
		assertThat(linux(Map.of()).reason()).isEqualTo("socket " + this.root.resolve("var/run/docker.sock"));
	}

	@Test
	void dockerDesktopSocketsInHomeMeanMaybe() throws IOException {
		touch(this.home.resolve(".docker/run/docker.sock"));
		assertThat(linux(Map.of()).mayBeReachable()).isTrue();
	}

	@Test
	void linuxDockerDesktopSocketMeansMaybe() throws IOException {
		touch(this.home.resolve(".docker/desktop/docker.sock"));
		assertThat(linux(Map.of()).mayBeReachable()).isTrue();
	}

	@Test
	void rootlessSocketOfTheUserMeansMaybe() throws IOException {
		touch(this.root.resolve("run/user/1234/docker.sock"));
		assertThat(linux(Map.of()).mayBeReachable()).isTrue();
	}

	@Test
	void rootlessSocketOfAnotherUserIsNotOurs() throws IOException {
		touch(this.root.resolve("run/user/1000/docker.sock"));
		assertThat(linux(Map.of()).mayBeReachable()).isFalse();
	}

	@Test
	void runtimeDirectorySocketMeansMaybe() throws IOException {
		touch(this.root.resolve("xdg/docker.sock"));
		assertThat(linux(Map.of("XDG_RUNTIME_DIR", "/xdg")).mayBeReachable()).isTrue();
		assertThat(linux(Map.of("XDG_RUNTIME_DIR", "/elsewhere")).mayBeReachable()).isFalse();
	}

	@Test
	void dockerHostInTestcontainersPropertiesMeansMaybe() throws IOException {
		Files.writeString(this.home.resolve(".testcontainers.properties"),
				"ryuk.disabled=true\ndocker.host=tcp\\://remote\\:2376\n");
		assertThat(linux(Map.of()).reason()).isEqualTo("docker.host in ~/.testcontainers.properties");
	}

	@Test
	void testcontainersHostPropertyMeansMaybe() throws IOException {
		Files.writeString(this.home.resolve(".testcontainers.properties"), "tc.host=tcp\\://127.0.0.1\\:41234\n");
		assertThat(linux(Map.of()).mayBeReachable()).isTrue();
	}

	@Test
	void testcontainersPropertiesWithoutAHostMeanNothing() throws IOException {
		Files.writeString(this.home.resolve(".testcontainers.properties"), "ryuk.disabled=true\n");
		assertThat(linux(Map.of()).mayBeReachable()).isFalse();
	}

	@Test
	void dockerJavaPropertiesHostMeansMaybe() throws IOException {
		Files.writeString(this.home.resolve(".docker-java.properties"), "DOCKER_HOST=tcp://remote:2375\n");
		assertThat(linux(Map.of()).reason()).isEqualTo("DOCKER_HOST in ~/.docker-java.properties");
	}

	@Test
	void aCurrentDockerContextOtherThanTheDefaultMeansMaybe() throws IOException {
		Path config = Files.createDirectories(this.home.resolve(".docker")).resolve("config.json");
		Files.writeString(config, "{\"auths\": {}, \"currentContext\": \"remote\"}");
		assertThat(linux(Map.of()).reason()).isEqualTo("Docker context remote");
		Files.writeString(config, "{\"auths\": {}, \"currentContext\": \"default\"}");
		assertThat(linux(Map.of()).mayBeReachable()).isFalse();
	}

	@Test
	void windowsIsLeftToTestcontainers() {
		DockerEnvironment windows = new DockerEnvironment(Map.of(), this.root, this.home, "Windows 11", "0");
		assertThat(windows.mayBeReachable()).isTrue();
	}

	private DockerEnvironment linux(Map<String, String> variables) {
		return new DockerEnvironment(variables, this.root, this.home, "Linux", "1234");
	}

	private static void touch(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.createFile(file);
	}

}
