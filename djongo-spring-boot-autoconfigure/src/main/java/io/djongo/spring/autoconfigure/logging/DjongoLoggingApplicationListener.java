package io.djongo.spring.autoconfigure.logging;

import io.djongo.spring.autoconfigure.DjongoProperties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Applies the embedded server's default levels ({@link EmbeddedServerLogLevels}) and {@code djongo.logging.loggers}
 * right after Spring Boot has initialized its logging system, before any bean
 * exists, so that start-up logs already honour them. Runs after Spring Boot's {@code logging.level.*}, so a level
 * set here wins for its logger.
 */
public class DjongoLoggingApplicationListener implements GenericApplicationListener {

	/** Just after Spring Boot's {@link LoggingApplicationListener}. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			Binder binder = Binder.get(prepared.getEnvironment());
			LoggingSystem system = LoggingSystem.get(prepared.getSpringApplication().getClassLoader());
			DjongoProperties.Logging logging;
			try {
				EmbeddedServerLogLevels.apply(binder, system);
				logging = binder
					.bind("djongo.logging", DjongoProperties.Logging.class)
					.orElse(null);
			}
			catch (BindException ex) {
				// binding DjongoProperties fails the same way a moment later, with a failure analysis
				return;
			}
			if (logging != null) {
				DjongoLoggers.apply(logging, system);
			}
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
