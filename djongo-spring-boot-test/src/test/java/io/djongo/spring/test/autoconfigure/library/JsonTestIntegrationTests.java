package io.djongo.spring.test.autoconfigure.library;

import io.djongo.spring.autoconfigure.jackson.DjongoJacksonModule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's {@code @JsonTest} slice has djongo's Jackson module (djongo's {@code AutoConfigureJson.imports}).
 */
@JsonTest
class JsonTestIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void theSliceHasDjongosJacksonModule() {
		assertThat(this.context.getBeansOfType(DjongoJacksonModule.class)).hasSize(1);
	}

}
