package io.djongo.spring.core.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import io.djongo.spring.core.model.FieldValidator;
import io.djongo.spring.core.model.ValidationException;

/**
 * The seed's URL example, after Django's {@code URLValidator}: http, https, ftp or ftps with a host.
 */
public class UrlValidator implements FieldValidator<String> {

	private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "ftps");

	@Override
	public void validate(String value) {
		try {
			URI uri = new URI(value);
			if (uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase()) && uri.getHost() != null) {
				return;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new ValidationException("Enter a valid URL.");
	}

}
