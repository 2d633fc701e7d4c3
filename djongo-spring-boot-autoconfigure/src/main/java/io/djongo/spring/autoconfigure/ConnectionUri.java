package io.djongo.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.AuthenticationMechanism;
import com.mongodb.ReadConcernLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.StringUtils;

/**
 * A MongoDB connection string taken apart: {@code djongo.client.*} is merged into it, and it is rendered with its
 * secrets (to derive the credential), without them (to publish), or redacted (to log).
 * <p>
 * Option names are the properties' own names: connection-string options are case-insensitive, so the property
 * {@code maxPoolSize} is the option {@code maxPoolSize}, and no second table of names is needed. A property wins over
 * the same option in the host URI, as keyword arguments win over URI options in pymongo.
 */
final class ConnectionUri {

	private static final String SCHEME = "mongodb://";

	private static final String SRV_SCHEME = "mongodb+srv://";

	private static final String REDACTED = "****";

	/** Properties that are not connection-string options. */
	private static final Set<String> NOT_OPTIONS = Set.of("class", "host", "port", "sslBundle", "username", "password");

	/** Options that make up the credential or the proxy login: they never enter the published connection string. */
	private static final Set<String> CREDENTIAL_OPTIONS = Set.of("authsource", "authmechanism",
			"authmechanismproperties", "gssapiservicename", "proxyusername", "proxypassword");

	private static final Set<String> SECRET_OPTIONS = Set.of("proxypassword");

	private final String scheme;

	private final String hosts;

	private final @Nullable String database;

	private @Nullable String username;

	private @Nullable String password;

	private final Map<String, Option> options = new LinkedHashMap<>();

	private ConnectionUri(String scheme, String hosts, @Nullable String database) {
		this.scheme = scheme;
		this.hosts = hosts;
		this.database = database;
	}

	/**
	 * The connection string {@code djongo.client.*} describes.
	 */
	static ConnectionUri of(DjongoClientProperties client) {
		String host = (client.getHost() != null && !client.getHost().isBlank()) ? client.getHost().trim() : "localhost";
		ConnectionUri uri = parse(host, client.getPort());
		// empty means unset, as with password: ${DB_PASSWORD:} when the variable is missing
		if (StringUtils.hasLength(client.getUsername())) {
			uri.username = client.getUsername();
		}
		if (StringUtils.hasLength(client.getPassword())) {
			uri.password = client.getPassword();
		}
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(client);
		for (PropertyDescriptor property : properties.getPropertyDescriptors()) {
			if (!NOT_OPTIONS.contains(property.getName())) {
				List<String> values = optionValues(properties.getPropertyValue(property.getName()));
				if (!values.isEmpty()) {
					uri.option(property.getName(), values);
				}
			}
		}
		return uri;
	}

	/**
	 * Parses a host, a comma-separated host list or a {@code mongodb://} / {@code mongodb+srv://} URI.
	 * @param host the host or URI
	 * @param port the port of hosts that name none, or {@code null}
	 */
	static ConnectionUri parse(String host, @Nullable Integer port) {
		if (!host.startsWith(SCHEME) && !host.startsWith(SRV_SCHEME)) {
			return new ConnectionUri(SCHEME, withPort(host, port), null);
		}
		String scheme = host.startsWith(SCHEME) ? SCHEME : SRV_SCHEME;
		String rest = host.substring(scheme.length());
		int slash = rest.indexOf('/');
		int question = rest.indexOf('?');
		int authorityEnd = (slash >= 0 && (question < 0 || slash < question)) ? slash : (question >= 0) ? question : rest.length();
		String authority = rest.substring(0, authorityEnd);
		String path = "";
		String query = "";
		if (authorityEnd < rest.length()) {
			String tail = rest.substring(authorityEnd);
			int queryStart = tail.indexOf('?');
			path = (queryStart >= 0) ? tail.substring(0, queryStart) : tail;
			query = (queryStart >= 0) ? tail.substring(queryStart + 1) : "";
			path = path.startsWith("/") ? path.substring(1) : path;
		}
		int at = authority.lastIndexOf('@');
		String hosts = (at >= 0) ? authority.substring(at + 1) : authority;
		ConnectionUri uri = new ConnectionUri(scheme, scheme.equals(SRV_SCHEME) ? hosts : withPort(hosts, port),
				path.isEmpty() ? null : decode(path));
		if (at >= 0) {
			String userInfo = authority.substring(0, at).replace("+", "%2B");
			int colon = userInfo.indexOf(':');
			uri.username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			uri.password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		for (String pair : query.split("[&;]")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
				Option existing = uri.options.get(key(name));
				List<String> values = new ArrayList<>((existing != null) ? existing.values() : List.of());
				values.add(value);
				uri.options.put(key(name), new Option(name, values));
			}
		}
		return uri;
	}

	/** Sets an option, replacing the same option (in any case) of the URI. */
	void option(String name, List<String> values) {
		this.options.put(key(name), new Option(name, List.copyOf(values)));
	}

	@Nullable String username() {
		return this.username;
	}

	/** Whether rendering with secrets is needed to derive the credential or the proxy login. */
	boolean hasCredentials() {
		return this.username != null || this.password != null
				|| this.options.keySet().stream().anyMatch(CREDENTIAL_OPTIONS::contains);
	}

	/**
	 * With the credentials, for the driver to derive the credential from. Its database is the host URI's own, as that
	 * is what the default authentication database derives from (never {@code djongo.name}).
	 */
	String withSecrets() {
		return render(true, false, true, this.database);
	}

	/** Without user, password or credential options: what Spring Boot gets, with the models' database. */
	String published(String database) {
		return render(false, false, false, database);
	}

	/** For logs: the user name stays, the passwords become {@value #REDACTED}. */
	String redacted(String database) {
		return render(true, true, true, database);
	}

	/** An option's value for logs: secret options, and secret authentication mechanism properties, masked. */
	private static String redacted(String option, String value) {
		if (SECRET_OPTIONS.contains(option)) {
			return REDACTED;
		}
		if (option.equals("authmechanismproperties")) {
			// AWS_SESSION_TOKEN:... carries a credential; SERVICE_NAME and the like do not
			return encode(Arrays.stream(value.split(","))
				.map((property) -> SECRET_PROPERTY.matcher(property).matches()
						? property.substring(0, property.indexOf(':') + 1) + REDACTED : property)
				.collect(Collectors.joining(",")));
		}
		return encode(value);
	}

	private static final java.util.regex.Pattern SECRET_PROPERTY = java.util.regex.Pattern
		.compile("(?i)[^:]*(TOKEN|SECRET|PASSWORD|KEY)[^:]*:.*");

	private String render(boolean withUser, boolean redact, boolean withCredentialOptions, @Nullable String database) {
		StringBuilder uri = new StringBuilder(this.scheme);
		if (withUser && this.username != null) {
			uri.append(encodeUserInfo(this.username));
			if (this.password != null) {
				uri.append(':').append(redact ? REDACTED : encodeUserInfo(this.password));
			}
			uri.append('@');
		}
		uri.append(this.hosts).append('/');
		if (database != null) {
			uri.append(encode(database));
		}
		String query = this.options.entrySet()
			.stream()
			.filter((entry) -> withCredentialOptions || !CREDENTIAL_OPTIONS.contains(entry.getKey()))
			.flatMap((entry) -> entry.getValue()
				.values()
				.stream()
				.map((value) -> entry.getValue().name() + "="
						+ (redact ? redacted(entry.getKey(), value) : encode(value))))
			.collect(Collectors.joining("&"));
		if (!query.isEmpty()) {
			uri.append('?').append(query);
		}
		return uri.toString();
	}

	private static String withPort(String hosts, @Nullable Integer port) {
		if (port == null) {
			return hosts;
		}
		List<String> result = new ArrayList<>();
		for (String host : hosts.split(",")) {
			String trimmed = host.trim();
			boolean hasPort = trimmed.startsWith("[") ? trimmed.contains("]:") : trimmed.contains(":");
			result.add((hasPort || trimmed.endsWith(".sock")) ? trimmed : trimmed + ":" + port);
		}
		return String.join(",", result);
	}

	private static List<String> optionValues(@Nullable Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> collection) {
			if (collection.stream().anyMatch(Map.class::isInstance)) {
				// one option per element, as readPreferenceTags is repeated for each tag set
				return collection.stream().map(ConnectionUri::optionValue).toList();
			}
			return collection.isEmpty() ? List.of()
					: List.of(collection.stream().map(ConnectionUri::optionValue).collect(Collectors.joining(",")));
		}
		if (value instanceof Map<?, ?> map && map.isEmpty()) {
			return List.of();
		}
		return List.of(optionValue(value));
	}

	private static String optionValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + ":" + entry.getValue())
				.collect(Collectors.joining(","));
		}
		if (value instanceof AuthenticationMechanism mechanism) {
			return mechanism.getMechanismName();
		}
		if (value instanceof ReadConcernLevel level) {
			return level.getValue();
		}
		if (value instanceof Enum<?> constant) {
			// the driver parses enumerated options case-insensitively: PRIMARY_PREFERRED -> primarypreferred
			return constant.name().replace("_", "").toLowerCase(Locale.ROOT);
		}
		return value.toString();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String encodeUserInfo(String value) {
		// the driver reads '+' in the user information literally, so a space must be %20
		return encode(value).replace("+", "%20");
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private record Option(String name, List<String> values) {
	}

}
