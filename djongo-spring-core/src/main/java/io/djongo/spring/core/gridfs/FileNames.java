package io.djongo.spring.core.gridfs;

import java.net.URLConnection;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Django's file name rules: safe names from user input, upload prefixes, and alternative names for taken ones.
 */
final class FileNames {

	static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

	private static final Pattern UNSAFE = Pattern.compile("[^-\\w.]", Pattern.UNICODE_CHARACTER_CLASS);

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final SecureRandom random = new SecureRandom();

	private FileNames() {
	}

	/**
	 * Django's {@code get_valid_filename} of the last path segment: spaces become underscores, characters other than
	 * letters, digits, {@code - _ .} are dropped.
	 * @return the safe name, or {@code null} when nothing usable remains
	 */
	static @Nullable String validFileName(String name) {
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String valid = UNSAFE.matcher(base.strip().replace(' ', '_')).replaceAll("");
		return (valid.isEmpty() || valid.equals(".") || valid.equals("..")) ? null : valid;
	}

	/**
	 * An {@code uploadTo} prefix made a directory: empty, or relative segments ending in a slash.
	 * @throws IllegalArgumentException for an absolute path or a {@code .} or {@code ..} segment
	 */
	static String directory(String uploadTo) {
		if (uploadTo.isEmpty()) {
			return uploadTo;
		}
		String directory = uploadTo.endsWith("/") ? uploadTo : uploadTo + "/";
		checkPath(directory.substring(0, directory.length() - 1));
		return directory;
	}

	/**
	 * Checks a name in a bucket: relative, {@code /}-separated, without empty, {@code .} or {@code ..} segments.
	 * @throws IllegalArgumentException naming the problem
	 */
	static String checkPath(String path) {
		if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
			throw new IllegalArgumentException("File name '" + path + "' is not allowed: it must be a relative path "
					+ "with '/' separators, such as 'avatars/me.png'");
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException("File name '" + path + "' is not allowed: it has an empty, '.' or "
						+ "'..' segment");
			}
		}
		return path;
	}

	/**
	 * Django's {@code get_alternative_name}: {@code dir/root_XXXXXXX.ext}, seven random letters and digits.
	 */
	static String alternativeName(String path) {
		int slash = path.lastIndexOf('/');
		int dot = path.lastIndexOf('.');
		boolean hasExtension = dot > slash + 1;
		String root = hasExtension ? path.substring(0, dot) : path;
		String extension = hasExtension ? path.substring(dot) : "";
		StringBuilder suffix = new StringBuilder(7);
		for (int i = 0; i < 7; i++) {
			suffix.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return root + "_" + suffix + extension;
	}

	/** The last path segment of a name. */
	static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** The content type the JDK associates with the name's extension, or {@code application/octet-stream}. */
	static String guessContentType(String name) {
		String guessed = URLConnection.guessContentTypeFromName(name.toLowerCase(Locale.ROOT));
		return (guessed != null) ? guessed : DEFAULT_CONTENT_TYPE;
	}

}
