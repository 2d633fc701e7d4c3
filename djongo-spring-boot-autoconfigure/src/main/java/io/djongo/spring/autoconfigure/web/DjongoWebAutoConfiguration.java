package io.djongo.spring.autoconfigure.web;

import java.util.List;

import io.djongo.spring.core.bridge.DjongoTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * djongo in a Spring MVC application: {@link DjongoProblemDetailsExceptionHandler}, RFC 9457 problem details for
 * djongo's exceptions (off with {@code djongo.web.problem-details.enabled=false}), and
 * {@link QuerySetParametersArgumentResolver}, which turns request parameters into QuerySets for handler-method
 * arguments annotated {@link QuerySetParameters @QuerySetParameters}, paged as Spring Data's web support pages
 * ({@code spring.data.web.pageable.*}). Each backs off when the application declares its own bean of that type.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DjongoTemplate.class, DispatcherServlet.class, ProblemDetail.class })
public final class DjongoWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "djongo.web.problem-details.enabled", matchIfMissing = true)
	DjongoProblemDetailsExceptionHandler djongoProblemDetailsExceptionHandler(
			ObjectProvider<MongoMappingContext> mappingContext) {
		return new DjongoProblemDetailsExceptionHandler(mappingContext);
	}

	@Bean
	@ConditionalOnMissingBean
	QuerySetParametersArgumentResolver querySetParametersArgumentResolver(ObjectProvider<DjongoTemplate> template,
			ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pageable) {
		List<PageableHandlerMethodArgumentResolverCustomizer> customizers = pageable.orderedStream().toList();
		return new QuerySetParametersArgumentResolver(template::getObject,
				(resolver) -> customizers.forEach((customizer) -> customizer.customize(resolver)));
	}

	@Bean
	QuerySetParametersConfigurer djongoQuerySetParametersConfigurer(QuerySetParametersArgumentResolver resolver) {
		return new QuerySetParametersConfigurer(resolver);
	}

	/**
	 * Registers the resolver first among the application's resolvers: it takes only annotated parameters, and
	 * Spring Data's projecting resolver would otherwise take a {@code QuerySet} interface for a payload to bind.
	 */
	static final class QuerySetParametersConfigurer implements WebMvcConfigurer, Ordered {

		private final QuerySetParametersArgumentResolver resolver;

		QuerySetParametersConfigurer(QuerySetParametersArgumentResolver resolver) {
			this.resolver = resolver;
		}

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(0, this.resolver);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
