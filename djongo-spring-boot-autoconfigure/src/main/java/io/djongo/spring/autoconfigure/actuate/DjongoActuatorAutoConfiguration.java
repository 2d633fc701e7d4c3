package io.djongo.spring.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps djongo's passwords out of Actuator: a {@link SanitizingFunction} for the {@code env} and
 * {@code configprops} endpoints, which apply every such bean before their {@code show-values} setting.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class DjongoActuatorAutoConfiguration {

	@Bean
	SanitizingFunction djongoSanitizingFunction() {
		return new DjongoSanitizingFunction();
	}

}
