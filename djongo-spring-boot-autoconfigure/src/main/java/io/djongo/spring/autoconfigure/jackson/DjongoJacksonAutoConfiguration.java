package io.djongo.spring.autoconfigure.jackson;

import io.djongo.spring.core.bridge.DjongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;

/**
 * The {@link DjongoJacksonModule} as a bean, which Spring Boot's {@code JsonMapper} (and every mapper built from its
 * builder) registers: lazy relations in JSON as their ids until loaded. Ordered by name before Spring Boot's Jackson
 * auto-configuration, which need not be on the class path (a plain Jackson 3 application).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ DjongoTemplate.class, JsonMapper.class, LazyLoadingProxy.class })
public final class DjongoJacksonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DjongoJacksonModule djongoJacksonModule() {
		return new DjongoJacksonModule();
	}

}
