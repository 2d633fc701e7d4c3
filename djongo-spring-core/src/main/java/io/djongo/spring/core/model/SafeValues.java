package io.djongo.spring.core.model;

import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Renders values for error messages without leaking them: text is cut, objects and collections are shown by type and
 * size (their {@code toString} may print anything), and fields named like credentials are hidden.
 */
final class SafeValues {

	/** Longest text shown, in characters. */
	static final int MAX_TEXT = 64;

	static final String HIDDEN = "[hidden]";

	private static final String[] SENSITIVE = { "password", "passwd", "secret", "token", "credential", "apikey",
			"api_key", "privatekey", "private_key", "passphrase" };

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}|%\\((\\w+)\\)[sdr]");

	private SafeValues() {
	}

	/**
	 * Whether a field path names something that must never be shown.
	 */
	static boolean isSensitive(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		for (String word : SENSITIVE) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return lower.equals("pin") || lower.endsWith(".pin") || lower.equals("pwd") || lower.endsWith(".pwd");
	}

	/**
	 * A value of the field at {@code path}, safe to show.
	 */
	static String describe(String path, @Nullable Object value) {
		return (value != null && isSensitive(path)) ? HIDDEN : describe(value);
	}

	/**
	 * A value safe to show: quoted and cut text, scalars as text, anything else by type and size.
	 */
	static String describe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof CharSequence text) {
			return quote(text);
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
				|| value instanceof TemporalAccessor || value instanceof Date || value instanceof UUID
				|| value instanceof ObjectId || value instanceof Character) {
			return cut(value.toString());
		}
		if (value instanceof byte[] bytes) {
			return "byte[" + bytes.length + "]";
		}
		if (value instanceof Collection<?> collection) {
			String kind = (value instanceof List<?>) ? "List" : (value instanceof Set<?>) ? "Set" : "Collection";
			return kind + " of " + collection.size();
		}
		if (value instanceof Map<?, ?> map) {
			return "Map of " + map.size();
		}
		if (value.getClass().isArray()) {
			return value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value) + "]";
		}
		return value.getClass().getSimpleName() + "{...}";
	}

	/**
	 * Fills {@code {name}} and Django's {@code %(name)s} placeholders with safely shown parameters; a parameter is
	 * hidden when {@code hide} is set.
	 */
	static String interpolate(String template, Map<String, ?> params, boolean hide) {
		if (params.isEmpty()) {
			return template;
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String replacement;
			if (!params.containsKey(name)) {
				replacement = matcher.group();
			}
			else {
				Object param = params.get(name);
				replacement = (hide && param != null) ? HIDDEN
						: (param instanceof CharSequence text) ? cut(text.toString()) : describe(param);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String quote(CharSequence text) {
		return "\"" + cut(text.toString()) + "\"";
	}

	private static String cut(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT) + 24);
		int shown = Math.min(text.length(), MAX_TEXT);
		for (int i = 0; i < shown; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (c == '\t') {
				out.append("\\t");
			}
			else if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > MAX_TEXT) {
			out.append("...(").append(text.length()).append(" chars)");
		}
		return out.toString();
	}

}
