package io.djongo.spring.autoconfigure.actuate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks djongo's secrets wherever the {@code env} and {@code configprops} endpoints show them, even with
 * {@code show-values: always}: {@code djongo.client.password}, {@code djongo.client.proxy-password}, the
 * {@code auth-mechanism-properties} (AWS session tokens live there), and the password inside a
 * {@code djongo.client.host} URI ({@code mongodb://app:****@db.example.com}). Keys are matched in every relaxed form
 * ({@code proxyPassword}, {@code DJONGO_CLIENT_PASSWORD}).
 */
final class DjongoSanitizingFunction implements SanitizingFunction {

	private static final Pattern URI_PASSWORD = Pattern.compile("(://[^:/?#@]*:)([^@/?#]*)(@)");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getKey();
		if (key == null) {
			return data;
		}
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (!normalized.startsWith("djongoclient")) {
			return data;
		}
		String name = normalized.substring("djongoclient".length());
		if (name.contains("password") || name.contains("secret") || name.contains("token")
				|| name.startsWith("authmechanismproperties")) {
			return data.withValue(SanitizableData.SANITIZED_VALUE);
		}
		if (name.equals("host") && data.getValue() != null) {
			Matcher matcher = URI_PASSWORD.matcher(String.valueOf(data.getValue()));
			if (matcher.find()) {
				return data.withValue(matcher.replaceAll("$1" + SanitizableData.SANITIZED_VALUE + "$3"));
			}
		}
		return data;
	}

}
