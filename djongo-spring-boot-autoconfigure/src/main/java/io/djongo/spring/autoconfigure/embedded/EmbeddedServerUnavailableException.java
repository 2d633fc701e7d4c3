package io.djongo.spring.autoconfigure.embedded;

/**
 * Thrown at start-up when a setting needs a part of the embedded server that is not on the class path:
 * {@code djongo.embedded.enabled=true} without mongo-java-server, {@code djongo.embedded.path} without its H2 backend.
 */
public class EmbeddedServerUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	private final String artifact;

	private EmbeddedServerUnavailableException(String setting, String artifact) {
		super(setting + " needs " + artifact + " on the class path (djongo-spring-boot-embedded brings it)");
		this.setting = setting;
		this.artifact = artifact;
	}

	/** {@code djongo.embedded.enabled=true}, and mongo-java-server is missing. */
	public static EmbeddedServerUnavailableException server() {
		return new EmbeddedServerUnavailableException("djongo.embedded.enabled=true",
				"de.bwaldvogel:mongo-java-server");
	}

	/** {@code djongo.embedded.path} is set, and mongo-java-server's H2 backend is missing. */
	public static EmbeddedServerUnavailableException h2Backend() {
		return new EmbeddedServerUnavailableException("djongo.embedded.path",
				"de.bwaldvogel:mongo-java-server-h2-backend");
	}

	/** The setting that needs the missing part. */
	public String getSetting() {
		return this.setting;
	}

	/** The Maven coordinates ({@code groupId:artifactId}) of the missing part. */
	public String getArtifact() {
		return this.artifact;
	}

}
