package io.djongo.spring.core.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The difference between two documents, one line per changed path: {@code ~ properties.title.maxLength: 100 -> 255},
 * {@code + properties.rating: {...}}, {@code - required[2]: 'isbn'}. Lists of scalars (such as {@code required})
 * are compared as sets of values; other lists element by element.
 */
final class DocumentDiff {

	private DocumentDiff() {
	}

	static List<String> lines(@Nullable Object before, @Nullable Object after) {
		List<String> lines = new ArrayList<>();
		diff("", before, after, lines);
		return lines;
	}

	private static void diff(String path, @Nullable Object before, @Nullable Object after, List<String> lines) {
		if (IndexComparison.same(before, after)) {
			return;
		}
		if (before instanceof Map<?, ?> old && after instanceof Map<?, ?> now) {
			for (Map.Entry<?, ?> entry : old.entrySet()) {
				String child = join(path, String.valueOf(entry.getKey()));
				if (!now.containsKey(entry.getKey())) {
					lines.add("- " + child + ": " + shown(entry.getValue()));
				}
				else {
					diff(child, entry.getValue(), now.get(entry.getKey()), lines);
				}
			}
			for (Map.Entry<?, ?> entry : now.entrySet()) {
				if (!old.containsKey(entry.getKey())) {
					lines.add("+ " + join(path, String.valueOf(entry.getKey())) + ": " + shown(entry.getValue()));
				}
			}
			return;
		}
		if (before instanceof List<?> old && after instanceof List<?> now && scalars(old) && scalars(now)) {
			for (Object value : old) {
				if (now.stream().noneMatch((candidate) -> IndexComparison.same(candidate, value))) {
					lines.add("- " + path + "[]: " + shown(value));
				}
			}
			for (Object value : now) {
				if (old.stream().noneMatch((candidate) -> IndexComparison.same(candidate, value))) {
					lines.add("+ " + path + "[]: " + shown(value));
				}
			}
			return;
		}
		if (before == null) {
			lines.add("+ " + path + ": " + shown(after));
			return;
		}
		if (after == null) {
			lines.add("- " + path + ": " + shown(before));
			return;
		}
		lines.add("~ " + path + ": " + shown(before) + " -> " + shown(after));
	}

	private static boolean scalars(List<?> values) {
		return values.stream().noneMatch((value) -> value instanceof Map || value instanceof List);
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private static String shown(@Nullable Object value) {
		if (value instanceof Document document) {
			return document.toJson();
		}
		if (value instanceof String text) {
			return "'" + text + "'";
		}
		return String.valueOf(value);
	}

}
