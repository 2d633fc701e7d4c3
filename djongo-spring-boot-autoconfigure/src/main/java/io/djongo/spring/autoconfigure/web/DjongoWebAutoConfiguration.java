package io.djongo.spring.autoconfigure.web;

import io.djongo.spring.core.bridge.DjongoTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * djongo in a Spring MVC application: {@link DjongoProblemDetailsExceptionHandler}, RFC 9457 problem details for
 * djongo's exceptions. Off with {@code djongo.web.problem-details.enabled=false}; backs off when the application
 * declares its own handler of that type.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DjongoTemplate.class, DispatcherServlet.class, ProblemDetail.class })
@ConditionalOnBooleanProperty(name = "djongo.web.problem-details.enabled", matchIfMissing = true)
public final class DjongoWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DjongoProblemDetailsExceptionHandler djongoProblemDetailsExceptionHandler(
			ObjectProvider<MongoMappingContext> mappingContext) {
		return new DjongoProblemDetailsExceptionHandler(mappingContext);
	}

}
