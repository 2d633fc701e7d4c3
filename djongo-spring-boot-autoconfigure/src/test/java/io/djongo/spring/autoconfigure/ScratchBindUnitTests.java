package io.djongo.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SimpleCommandLinePropertySource;

class ScratchBindUnitTests {

	@Test
	void bind() {
		new ApplicationContextRunner().withUserConfiguration(Cfg.class)
			.withInitializer((ctx) -> ctx.getEnvironment().getPropertySources().addFirst(
					new SimpleCommandLinePropertySource("--djongo.check")))
			.run((context) -> {
				for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) System.out.println("CAUSE " + t);
			});
	}

	@EnableConfigurationProperties(DjongoProperties.class)
	static class Cfg {
	}

}
