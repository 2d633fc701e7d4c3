package io.djongo.spring.autoconfigure.diagnostics;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code djongo.*} key that binds to nothing: names it, suggests the closest valid key, and lists the valid
 * keys of its group. Values are never shown (the key may be a misspelt password). Runs before Spring Boot's generic
 * analyzer, which prints values.
 */
class UnknownDjongoPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
		implements Ordered {

	private static final String LOGGERS = DjongoPropertyKeys.PREFIX + ".logging.loggers.";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unknown = cause.getUnboundProperties()
			.stream()
			.filter((property) -> property.getName().toString().startsWith(DjongoPropertyKeys.PREFIX + "."))
			.sorted(Comparator.comparing((property) -> property.getName().toString()))
			.toList();
		if (unknown.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder("djongo-spring could not start: ")
			.append((unknown.size() == 1) ? "this djongo property is unknown:" : "these djongo properties are unknown:");
		for (ConfigurationProperty property : unknown) {
			String key = property.getName().toString();
			description.append("\n\n    ").append(key);
			if (property.getOrigin() != null) {
				description.append("\n        from ").append(property.getOrigin());
			}
			String hint = hint(key);
			if (hint != null) {
				description.append("\n        ").append(hint);
			}
		}
		String firstKey = unknown.get(0).getName().toString();
		StringBuilder action = new StringBuilder("Correct or remove the key. Valid keys here are:\n");
		for (String valid : DjongoPropertyKeys.near(firstKey)) {
			action.append("\n    ").append(valid);
		}
		action.append("\n\ndocs/configuration.md (djongo.* table) says what each one means.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static @Nullable String hint(String key) {
		if (key.startsWith(LOGGERS) && (key.endsWith(".level") || key.endsWith(".propagate"))
				&& key.substring(LOGGERS.length()).indexOf('.') < key.substring(LOGGERS.length()).lastIndexOf('.')) {
			String name = key.substring(LOGGERS.length(), key.lastIndexOf('.'));
			return "A logger name with dots goes in brackets: " + LOGGERS.substring(0, LOGGERS.length() - 1) + "["
					+ name + "]" + key.substring(key.lastIndexOf('.')) + " (in YAML: \"[" + name + "]\":)";
		}
		String closest = closest(key);
		return (closest != null) ? "Did you mean " + closest + "?" : null;
	}

	private static @Nullable String closest(String key) {
		String wanted = uniform(key.substring(key.lastIndexOf('.') + 1));
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : DjongoPropertyKeys.near(key)) {
			String name = uniform(candidate.substring(candidate.lastIndexOf('.') + 1));
			int distance = distance(wanted, name);
			boolean close = distance <= Math.max(2, wanted.length() / 3)
					|| (wanted.length() >= 4 && (name.startsWith(wanted) || wanted.startsWith(name)));
			if (close && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static String uniform(String name) {
		return name.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
