package io.djongo.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.djongo.spring.core.gridfs.InvalidFileException;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.query.DoesNotExistException;
import io.djongo.spring.core.query.InvalidLookupException;
import io.djongo.spring.core.query.MultipleObjectsReturnedException;
import io.djongo.spring.core.relation.ProtectedException;
import io.djongo.spring.core.relation.RestrictedException;
import io.djongo.spring.core.schema.BulkCreateException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers djongo's exceptions, thrown by a controller, with RFC 9457 problem details ({@link ProblemDetail},
 * {@code application/problem+json}; Spring MVC sets {@code instance} to the request path):
 * <ul>
 * <li>{@link ValidationException}: 400, {@code errors} lists every field at fault as {@code {field, message}};</li>
 * <li>{@link InvalidFileException} (a file field's upload that is no image, or has no usable name): 400, the message
 * naming model and field;</li>
 * <li>{@link FieldError}, {@link InvalidLookupException}: 400, the message as {@code detail}, and {@code errors}
 * names the request parameter the message is about ({@code {parameter, message}}) when there is one;</li>
 * <li>{@link InvalidQueryParameterException} (a request parameter {@link QuerySetParameters @QuerySetParameters}
 * refuses): 400, its own problem detail, whose {@code errors} name the parameter and what is allowed;</li>
 * <li>{@link DoesNotExistException}: 404, with the {@code model};</li>
 * <li>{@link MultipleObjectsReturnedException}: 500, with the {@code model}, and logged at ERROR with its stack trace,
 * as Django answers it: a {@code get()} that found several objects is the application's bug or its data's, not the
 * client's;</li>
 * <li>{@link ProtectedException}, {@link RestrictedException}: 409, the message naming the protecting relations,
 * and {@code protectedBy} / {@code restrictedBy} the models and ids of the objects that protect (at most
 * {@value #LISTED});</li>
 * <li>{@link BulkCreateException}: 409, each refused model's position and the server's error code, the counts
 * written and not attempted; any other {@link DuplicateKeyException}: 409, with the unique {@code index}.</li>
 * </ul>
 * Values of a duplicate key and the server's messages are not repeated: they may hold user data and name
 * collections. The advice is consulted last ({@link Ordered#LOWEST_PRECEDENCE}, registered after the application's
 * own): an {@code @ExceptionHandler} of the application for the same exception wins. Spring Boot's own problem
 * details ({@code spring.mvc.problemdetails.enabled}) cover Spring MVC's exceptions, not these.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DjongoProblemDetailsExceptionHandler {

	/** Protecting objects listed at most. */
	static final int LISTED = 100;

	private static final Pattern INDEX = Pattern.compile("index: (\\S+)");

	private static final Log logger = LogFactory.getLog(DjongoProblemDetailsExceptionHandler.class);

	private final ObjectProvider<MongoMappingContext> mappingContext;

	public DjongoProblemDetailsExceptionHandler(ObjectProvider<MongoMappingContext> mappingContext) {
		this.mappingContext = mappingContext;
	}

	@ExceptionHandler(ValidationException.class)
	ResponseEntity<ProblemDetail> invalidModel(ValidationException ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldViolation violation : ex.getViolations()) {
			errors.add(entry("field", violation.path(), "message", violation.message()));
		}
		String detail = ex.getViolations().isEmpty() ? String.valueOf(ex.getMessage())
				: ((errors.size() == 1) ? "1 field is invalid" : errors.size() + " fields are invalid")
						+ "; nothing was written.";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid model", detail);
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(InvalidFileException.class)
	ResponseEntity<ProblemDetail> invalidFile(InvalidFileException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid file", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler({ FieldError.class, InvalidLookupException.class })
	ResponseEntity<ProblemDetail> invalidLookup(InvalidDataAccessApiUsageException ex, WebRequest request) {
		String message = String.valueOf(ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid lookup", message);
		String parameter = parameterNamedIn(message, request.getParameterMap().keySet());
		problem.setProperty("errors", List.of((parameter != null) ? entry("parameter", parameter, "message", message)
				: entry("message", message)));
		return respond(problem);
	}

	@ExceptionHandler(InvalidQueryParameterException.class)
	ResponseEntity<ProblemDetail> invalidQueryParameter(InvalidQueryParameterException ex) {
		return respond(ex.getBody());
	}

	@ExceptionHandler(MultipleObjectsReturnedException.class)
	ResponseEntity<ProblemDetail> multipleObjectsReturned(MultipleObjectsReturnedException ex, WebRequest request) {
		logger.error("A get() of " + request.getDescription(false) + " found more than one object", ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Multiple objects returned",
				String.valueOf(ex.getMessage()));
		problem.setProperty("model", ex.getModel().getSimpleName());
		return respond(problem);
	}

	@ExceptionHandler(DoesNotExistException.class)
	ResponseEntity<ProblemDetail> doesNotExist(DoesNotExistException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", String.valueOf(ex.getMessage()));
		problem.setProperty("model", ex.getModel().getSimpleName());
		return respond(problem);
	}

	@ExceptionHandler(ProtectedException.class)
	ResponseEntity<ProblemDetail> protectedDeletion(ProtectedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Protected", String.valueOf(ex.getMessage()));
		problem.setProperty("protectedBy", identify(ex.getProtectedObjects()));
		return respond(problem);
	}

	@ExceptionHandler(RestrictedException.class)
	ResponseEntity<ProblemDetail> restrictedDeletion(RestrictedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Restricted", String.valueOf(ex.getMessage()));
		problem.setProperty("restrictedBy", identify(ex.getRestrictedObjects()));
		return respond(problem);
	}

	@ExceptionHandler(BulkCreateException.class)
	ResponseEntity<ProblemDetail> bulkCreate(BulkCreateException ex) {
		List<Map<String, Object>> failures = new ArrayList<>();
		for (BulkCreateException.Failure failure : ex.getFailures()) {
			failures.add(entry("index", failure.index(), "code", failure.code()));
		}
		int total = failures.size() + ex.getWritten().size() + ex.getNotAttempted().size();
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Duplicate key",
				failures.size() + " of " + total + " models were refused by a unique index; "
						+ ex.getWritten().size() + " written, " + ex.getNotAttempted().size() + " not attempted.");
		problem.setProperty("failures", failures);
		problem.setProperty("written", ex.getWritten().size());
		problem.setProperty("notAttempted", ex.getNotAttempted().size());
		return respond(problem);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicateKey(DuplicateKeyException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Duplicate key",
				"A unique index refused the write: a document with the same key exists.");
		Matcher index = INDEX.matcher(String.valueOf(ex.getMessage()));
		if (index.find()) {
			problem.setProperty("index", index.group(1));
		}
		return respond(problem);
	}

	/**
	 * The request parameter whose name the message mentions as a whole word ({@code 'titel'},
	 * {@code Post.publishedDate__year}); the longest one when several do.
	 */
	static @Nullable String parameterNamedIn(String message, Iterable<String> parameters) {
		String found = null;
		for (String parameter : parameters) {
			if (parameter.isEmpty() || (found != null && found.length() >= parameter.length())) {
				continue;
			}
			Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(parameter) + "(?![A-Za-z0-9_])");
			if (word.matcher(message).find()) {
				found = parameter;
			}
		}
		return found;
	}

	private List<Map<String, Object>> identify(List<Object> objects) {
		MongoMappingContext context = this.mappingContext.getIfAvailable();
		List<Map<String, Object>> identified = new ArrayList<>();
		for (Object object : objects.subList(0, Math.min(LISTED, objects.size()))) {
			Object id = null;
			PersistentEntity<?, ?> entity = (context != null) ? context.getPersistentEntity(object.getClass()) : null;
			if (entity != null && entity.hasIdProperty()) {
				id = entity.getIdentifierAccessor(object).getIdentifier();
			}
			identified.add((id != null) ? entry("model", object.getClass().getSimpleName(), "id", id)
					: entry("model", object.getClass().getSimpleName()));
		}
		return identified;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static Map<String, Object> entry(String key, Object value) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(key, value);
		return entry;
	}

	private static Map<String, Object> entry(String key, Object value, String otherKey, Object otherValue) {
		Map<String, Object> entry = entry(key, value);
		entry.put(otherKey, otherValue);
		return entry;
	}

}
