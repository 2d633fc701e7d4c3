package io.djongo.spring.core.schema.internal;

import jakarta.validation.Configuration;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

/**
 * The default Bean Validation validator, when a provider is on the class path.
 */
public final class BeanValidation {

	private static final Log logger = LogFactory.getLog(BeanValidation.class);

	private static final String PARAMETER_INTERPOLATOR = "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator";

	private static volatile @Nullable Validator defaultValidator;

	private static volatile boolean resolved;

	private BeanValidation() {
	}

	/**
	 * The default provider's validator, built once; {@code null} without a provider.
	 */
	public static @Nullable Validator defaultValidator() {
		if (!resolved) {
			synchronized (BeanValidation.class) {
				if (!resolved) {
					defaultValidator = build();
					resolved = true;
				}
			}
		}
		return defaultValidator;
	}

	private static @Nullable Validator build() {
		try {
			Configuration<?> configuration = Validation.byDefaultProvider().configure();
			if (!ClassUtils.isPresent("jakarta.el.ExpressionFactory", null)
					&& ClassUtils.isPresent(PARAMETER_INTERPOLATOR, null)) {
				// without an expression language, Hibernate Validator can interpolate parameters only
				configuration.messageInterpolator((MessageInterpolator) BeanUtils
					.instantiateClass(ClassUtils.resolveClassName(PARAMETER_INTERPOLATOR, null)));
			}
			return configuration.buildValidatorFactory().getValidator();
		}
		catch (RuntimeException ex) {
			logger.info("No Bean Validation provider: djongo checks its own field rules only (" + ex.getMessage() + ")");
			return null;
		}
	}

}
