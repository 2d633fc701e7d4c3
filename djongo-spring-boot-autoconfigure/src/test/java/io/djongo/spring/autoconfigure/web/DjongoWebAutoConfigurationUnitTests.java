package io.djongo.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link DjongoWebAutoConfiguration} applies: Spring MVC web applications, unless turned off or replaced.
 */
class DjongoWebAutoConfigurationUnitTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DjongoWebAutoConfiguration.class));

	@Test
	void registersTheProblemDetailsHandlerInAServletApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(DjongoProblemDetailsExceptionHandler.class));
	}

	@Test
	void backsOffWhenTurnedOff() {
		this.runner.withPropertyValues("djongo.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DjongoProblemDetailsExceptionHandler.class)
				.hasSingleBean(QuerySetParametersArgumentResolver.class));
	}

	@Test
	void registersTheQuerySetParametersResolverWithSpringMvc() {
		this.runner.run((context) -> {
			QuerySetParametersArgumentResolver resolver = context.getBean(QuerySetParametersArgumentResolver.class);
			List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
			context.getBean(WebMvcConfigurer.class).addArgumentResolvers(resolvers);
			assertThat(resolvers).containsExactly(resolver);
		});
	}

	@Test
	void theQuerySetParametersResolverBacksOffWhenTheApplicationDefinesItsOwn() {
		QuerySetParametersArgumentResolver own = new QuerySetParametersArgumentResolver(() -> {
			throw new IllegalStateException();
		}, (pageable) -> {
		});
		this.runner.withBean("ownResolver", QuerySetParametersArgumentResolver.class, () -> own)
			.run((context) -> assertThat(context).getBean(QuerySetParametersArgumentResolver.class).isSameAs(own));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		DjongoProblemDetailsExceptionHandler own = new DjongoProblemDetailsExceptionHandler(null);
		this.runner.withBean("ownHandler", DjongoProblemDetailsExceptionHandler.class, () -> own)
			.run((context) -> assertThat(context).getBean(DjongoProblemDetailsExceptionHandler.class).isSameAs(own));
	}

	@Test
	void doesNothingOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DjongoWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DjongoProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(QuerySetParametersArgumentResolver.class));
	}

	@Test
	void findsTheParameterAMessageNamesAsAWholeWord() {
		List<String> parameters = List.of("rating", "rating__range", "title");
		assertThat(DjongoProblemDetailsExceptionHandler.parameterNamedIn("Post.rating__range: needs two", parameters))
			.isEqualTo("rating__range");
		assertThat(DjongoProblemDetailsExceptionHandler.parameterNamedIn("Cannot resolve keyword 'title'", parameters))
			.isEqualTo("title");
		assertThat(DjongoProblemDetailsExceptionHandler.parameterNamedIn("Post.ratings is unknown", parameters))
			.isNull();
	}

}
