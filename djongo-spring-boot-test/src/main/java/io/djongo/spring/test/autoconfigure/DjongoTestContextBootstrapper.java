package io.djongo.spring.test.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} of {@link DjongoTest}: its properties, and {@code djongo.embedded.enabled=true}
 * first when the test runs on the embedded server (its own properties can still set the key).
 */
final class DjongoTestContextBootstrapper extends TestSliceTestContextBootstrapper<DjongoTest> {

	static final String EMBEDDED_PROPERTY = "djongo.embedded.enabled=true";

	@Override
	protected String @Nullable [] getProperties(Class<?> testClass) {
		String[] properties = super.getProperties(testClass);
		DjongoTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, DjongoTest.class);
		if (test == null || test.connection() != DjongoTest.Connection.EMBEDDED) {
			return properties;
		}
		List<String> all = new ArrayList<>();
		all.add(EMBEDDED_PROPERTY);
		if (properties != null) {
			all.addAll(Arrays.asList(properties));
		}
		return all.toArray(String[]::new);
	}

}
