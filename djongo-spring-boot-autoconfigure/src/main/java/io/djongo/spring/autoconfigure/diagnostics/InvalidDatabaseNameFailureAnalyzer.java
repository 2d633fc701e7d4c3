package io.djongo.spring.autoconfigure.diagnostics;

import io.djongo.spring.autoconfigure.InvalidDatabaseNameException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code djongo.name} MongoDB refuses: names the key and where it was set, what is wrong with the name,
 * MongoDB's rule for database names, and a name that would do. Runs before Spring Boot's generic bind-failure
 * analyzer.
 */
class InvalidDatabaseNameFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatabaseNameException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDatabaseNameException cause) {
		String origin = origin(rootFailure);
		String description = "djongo-spring could not start: djongo.name" + ((origin != null) ? " (" + origin + ")" : "")
				+ " is '" + cause.getName() + "', which MongoDB refuses as a database name: " + cause.getProblem()
				+ ".";
		String action = "Set djongo.name to a valid MongoDB database name, for example:\n\n    djongo:\n      name: "
				+ cause.getSuggestion() + "\n\nMongoDB's rule: a database name is shorter than "
				+ InvalidDatabaseNameException.MAX_BYTES + " bytes (UTF-8) and contains none of / \\ . \" $, spaces or"
				+ " the null character; on a Windows server not * < > : | ? either.";
		return new FailureAnalysis(description, action, cause);
	}

	private @Nullable String origin(Throwable failure) {
		BindException bind = findCause(failure, BindException.class);
		ConfigurationProperty property = (bind != null) ? bind.getProperty() : null;
		return (property != null && property.getOrigin() != null) ? String.valueOf(property.getOrigin()) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
