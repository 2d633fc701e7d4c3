package io.djongo.spring.core.query.internal;

/**
 * How user values appear in messages: shortened, on one line.
 */
final class Shown {

	private static final int MAX = 60;

	private Shown() {
	}

	static String value(Object value) {
		String text = String.valueOf(value).replaceAll("[\\r\\n\\t]", " ");
		return (text.length() > MAX) ? text.substring(0, MAX) + "..." : text;
	}

}
