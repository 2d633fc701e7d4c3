package io.djongo.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when djongo's connection comes from the given source ({@link ConnectionSource}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnConnectionSource.OnConnectionSourceCondition.class)
@interface ConditionalOnConnectionSource {

	/** The source that matches. */
	ConnectionSource.Kind value();

	/** Evaluates {@link ConditionalOnConnectionSource}. */
	final class OnConnectionSourceCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, @Nullable Object> attributes = metadata
				.getAnnotationAttributes(ConditionalOnConnectionSource.class.getName());
			Object wanted = (attributes != null) ? attributes.get("value") : null;
			ConnectionSource.Kind kind = ConnectionSource.resolve(context.getEnvironment(), context.getClassLoader())
				.kind();
			String message = "djongo's MongoDB connection comes from " + kind;
			return (kind == wanted) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
		}

	}

}
