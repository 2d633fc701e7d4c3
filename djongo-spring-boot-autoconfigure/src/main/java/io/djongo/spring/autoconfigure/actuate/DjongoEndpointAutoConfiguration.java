package io.djongo.spring.autoconfigure.actuate;

import io.djongo.spring.autoconfigure.schema.DjongoSchemaAutoConfiguration;
import io.djongo.spring.core.bridge.DjongoTemplate;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator endpoint {@code djongo} ({@link DjongoEndpoint}), when Actuator is on the class path and the endpoint
 * is available (its access not {@code none}, and exposed over the web or JMX, which by default it is not).
 */
@AutoConfiguration(after = DjongoSchemaAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, DjongoTemplate.class })
@ConditionalOnAvailableEndpoint(DjongoEndpoint.class)
public final class DjongoEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(DjongoTemplate.class)
	DjongoEndpoint djongoEndpoint(DjongoTemplate template) {
		return new DjongoEndpoint(template);
	}

}
