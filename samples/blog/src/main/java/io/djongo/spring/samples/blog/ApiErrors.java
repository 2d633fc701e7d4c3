package io.djongo.spring.samples.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.query.InvalidLookupException;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input answers 400 with a JSON body naming each field at fault.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException ex) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.<String, Object>of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		return badRequest("Invalid input", errors);
	}

	/**
	 * djongo refused to write a model: Bean Validation constraints, validators and embedded-field rules, with the
	 * path of each field ({@code blog.name}, {@code blogs[1].name}).
	 */
	@ExceptionHandler(ValidationException.class)
	ResponseEntity<Map<String, Object>> invalidModel(ValidationException ex) {
		List<Map<String, Object>> errors = ex.getViolations()
			.stream()
			.map((violation) -> Map.<String, Object>of("field", violation.path(), "message", violation.message()))
			.toList();
		return badRequest("Invalid input", errors);
	}

	/** A query parameter the endpoint does not accept: the body names it and the allowed ones. */
	@ExceptionHandler(LookupParameters.RejectedParameterException.class)
	ResponseEntity<Map<String, Object>> rejectedParameter(LookupParameters.RejectedParameterException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("parameter", ex.getParameter());
		error.put("message", ex.getMessage());
		if (!ex.getAllowed().isEmpty()) {
			error.put("allowed", ex.getAllowed());
		}
		return badRequest("Invalid query parameter", List.of(error));
	}

	/**
	 * djongo refused a lookup: a value that does not fit the field ({@code publishedDate__year=abc}), a
	 * {@code range} without two values, an unknown field or lookup. The message names the model and the lookup.
	 */
	@ExceptionHandler({ InvalidLookupException.class, FieldError.class })
	ResponseEntity<Map<String, Object>> invalidLookup(InvalidDataAccessApiUsageException ex) {
		return badRequest("Invalid query parameter", List.of(Map.of("message", String.valueOf(ex.getMessage()))));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return badRequest("Malformed JSON body", List.of());
	}

	static ResponseEntity<Map<String, Object>> badRequest(String message, List<Map<String, Object>> errors) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("status", 400, "message", message, "errors", errors));
	}

}
