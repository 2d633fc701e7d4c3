package io.djongo.spring.autoconfigure.logging;

import java.util.List;

import io.djongo.spring.autoconfigure.DjongoProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.java.JavaLoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DjongoLoggersUnitTests {

	@Test
	void everyLevelMapsToSpringBootsLevel() {
		assertThat(DjongoLoggers.level(DjongoProperties.LoggerLevel.WARNING)).isEqualTo(LogLevel.WARN);
		assertThat(DjongoLoggers.level(DjongoProperties.LoggerLevel.CRITICAL)).isEqualTo(LogLevel.FATAL);
		assertThat(DjongoLoggers.level(DjongoProperties.LoggerLevel.NOTSET)).isNull();
		for (DjongoProperties.LoggerLevel level : DjongoProperties.LoggerLevel.values()) {
			if (level != DjongoProperties.LoggerLevel.NOTSET) {
				assertThat(DjongoLoggers.level(level)).isNotNull();
			}
		}
	}

	@Test
	void propagateFalseStopsParentHandlersWithJavaUtilLogging() {
		JavaLoggingSystem system = new JavaLoggingSystem(getClass().getClassLoader());
		DjongoLoggers.apply(logging("djongo.jul", DjongoProperties.LoggerLevel.DEBUG, false), system);
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("djongo.jul");
		assertThat(logger.getUseParentHandlers()).isFalse();
		assertThat(logger.getLevel()).isEqualTo(java.util.logging.Level.FINE);
	}

	@Test
	void propagateFalseIsReportedWhereItCannotBeApplied(CapturedOutput output) {
		DjongoLoggers.apply(logging("djongo.other", null, false), new OtherLoggingSystem());
		assertThat(output).contains("djongo.logging.loggers[djongo.other].propagate=false is not applied");
	}

	private static DjongoProperties.Logging logging(String name, DjongoProperties.LoggerLevel level,
			boolean propagate) {
		DjongoProperties.LoggerSettings settings = new DjongoProperties.LoggerSettings();
		settings.setLevel(level);
		settings.setPropagate(propagate);
		DjongoProperties.Logging logging = new DjongoProperties.Logging();
		logging.getLoggers().put(name, settings);
		return logging;
	}

	static class OtherLoggingSystem extends LoggingSystem {

		@Override
		public void beforeInitialize() {
		}

		@Override
		public void setLogLevel(String loggerName, LogLevel level) {
		}

		@Override
		public List<LoggerConfiguration> getLoggerConfigurations() {
			return List.of();
		}

		@Override
		public LoggerConfiguration getLoggerConfiguration(String loggerName) {
			return null;
		}

	}

}
