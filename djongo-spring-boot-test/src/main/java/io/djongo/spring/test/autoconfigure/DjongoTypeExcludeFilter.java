package io.djongo.spring.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * The component scan of a {@link DjongoTest}: no component of the application unless its filters include it;
 * repositories come from djongo's repository auto-configuration, other beans from {@code @Import}.
 */
final class DjongoTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<DjongoTest> {

	DjongoTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

}
