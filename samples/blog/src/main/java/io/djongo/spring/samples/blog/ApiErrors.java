package io.djongo.spring.samples.blog;

import java.util.List;
import java.util.Map;

import io.djongo.spring.core.model.ValidationException;

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

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return badRequest("Malformed JSON body", List.of());
	}

	static ResponseEntity<Map<String, Object>> badRequest(String message, List<Map<String, Object>> errors) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("status", 400, "message", message, "errors", errors));
	}

}
