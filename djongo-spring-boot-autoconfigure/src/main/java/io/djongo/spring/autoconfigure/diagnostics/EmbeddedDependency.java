package io.djongo.spring.autoconfigure.diagnostics;

/**
 * The dependency that brings the embedded server, as the failure analyses show it.
 */
final class EmbeddedDependency {

	/** The Maven snippet of {@code djongo-spring-boot-embedded}, indented for an analysis. */
	static final String SNIPPET = """
			    <dependency>
			        <groupId>io.djongo</groupId>
			        <artifactId>djongo-spring-boot-embedded</artifactId>
			        <scope>runtime</scope>  <!-- or test: only the tests get the server -->
			    </dependency>
			""";

	private EmbeddedDependency() {
	}

}
