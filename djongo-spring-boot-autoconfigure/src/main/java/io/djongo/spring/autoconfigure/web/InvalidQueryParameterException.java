package io.djongo.spring.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter that {@link QuerySetParameters @QuerySetParameters} refuses: not among the allowed lookups, an
 * ordering not allowed, a bad {@code page} or {@code size}, a value that does not fit its field. A 400 problem detail,
 * titled "Invalid query parameter", whose {@code errors} name the parameter, say what is wrong and, where a list
 * says it, what is allowed:
 * <pre>{@code {"parameter": "body__icontains", "message": "...", "allowed": ["ordering", "page", "size", "title__icontains"]}}</pre>
 * djongo's problem-details handler answers it, as does Spring MVC's for any {@link ErrorResponseException}.
 */
public class InvalidQueryParameterException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	private final String parameter;

	private final List<String> allowed;

	/**
	 * @param parameter the request parameter at fault
	 * @param message what is wrong with it
	 * @param allowed what it could have been; empty when the message says it
	 * @param cause djongo's exception about its value, if any
	 */
	public InvalidQueryParameterException(String parameter, String message, List<String> allowed,
			@Nullable Throwable cause) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, message, allowed), cause);
		this.parameter = parameter;
		this.allowed = List.copyOf(allowed);
	}

	private static ProblemDetail problem(String parameter, String message, List<String> allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setTitle("Invalid query parameter");
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("parameter", parameter);
		error.put("message", message);
		if (!allowed.isEmpty()) {
			error.put("allowed", List.copyOf(allowed));
		}
		problem.setProperty("errors", List.of(error));
		return problem;
	}

	/** The request parameter at fault. */
	public String getParameter() {
		return this.parameter;
	}

	/** What the parameter could have been; empty when the message says it. */
	public List<String> getAllowed() {
		return this.allowed;
	}

	@Override
	public String getMessage() {
		return String.valueOf(getBody().getDetail());
	}

}
