package io.djongo.spring.core.schema;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldValidator;
import io.djongo.spring.core.model.FieldViolation;
import io.djongo.spring.core.model.ValidationException;
import io.djongo.spring.core.model.Validators;
import io.djongo.spring.core.schema.internal.BeanValidation;
import io.djongo.spring.core.schema.internal.Decimal128Values;
import io.djongo.spring.core.schema.internal.ValidationPlan;
import io.djongo.spring.core.schema.internal.ValidationPlan.FieldCheck;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * Django's {@code full_clean()}: validates models before they are written. It runs Bean Validation constraints
 * ({@code @NotBlank}, {@code @Size}, {@link io.djongo.spring.core.model.Choices @Choices}, ...) when a provider is
 * present, the {@link Validators} of each field, and the {@link EmbeddedField} / {@link ArrayField} rules
 * ({@code nullable}, {@code blank}); it continues into embedded containers and array elements, reporting their
 * fields by path ({@code blog.name}, {@code blogs[1].name}). A {@code BigDecimal} or {@code BigInteger} must fit the
 * Decimal128 it is stored as (34 significant digits). A failure is one {@link ValidationException} carrying every
 * violation.
 * <p>
 * djongo calls it before every write through {@link ModelValidationCallback}; applications call it for a
 * {@code fullClean()} ({@code djongo.validate(entry)} on the {@code DjongoTemplate} does). What it learns about a
 * class (fields, validators, containers) is worked out once and cached; validator classes are instantiated once.
 * Thread-safe.
 */
public class ModelValidator {

	static final String CANNOT_BE_NULL = "This field cannot be null.";

	static final String CANNOT_BE_BLANK = "This field cannot be blank.";

	private final @Nullable Validator beanValidator;

	private final ConcurrentMap<Class<?>, ValidationPlan> plans = new ConcurrentHashMap<>();

	private final ConcurrentMap<Class<?>, Boolean> beanConstrained = new ConcurrentHashMap<>();

	private final ConcurrentMap<Class<?>, FieldValidator<?>> validators = new ConcurrentHashMap<>();

	/**
	 * A validator using the given Bean Validation validator (in Spring Boot, the application's {@code Validator}
	 * bean).
	 * @param beanValidator the Bean Validation validator; {@code null} to check djongo's rules only
	 */
	public ModelValidator(@Nullable Validator beanValidator) {
		this.beanValidator = beanValidator;
	}

	/**
	 * A validator using the default Bean Validation provider when one is on the class path (Hibernate Validator),
	 * djongo's rules only otherwise.
	 */
	public static ModelValidator withDefaultBeanValidation() {
		return new ModelValidator(BeanValidation.defaultValidator());
	}

	/**
	 * Validates one model (or container) and everything embedded in it.
	 * @throws ValidationException naming every field that failed
	 */
	public void validate(Object model) {
		List<FieldViolation> violations = violations(model);
		if (!violations.isEmpty()) {
			throw new ValidationException(model.getClass().getSimpleName() + " is not valid", violations);
		}
	}

	/**
	 * Validates models written together: all of them are checked before the exception is thrown.
	 * @throws ValidationException naming every field that failed, each path prefixed with the element's index
	 * ({@code [3].headline})
	 */
	public void validateAll(Iterable<?> models) {
		List<FieldViolation> violations = new ArrayList<>();
		int index = 0;
		int invalid = 0;
		@Nullable Class<?> type = null;
		@Nullable Class<?> last = null;
		boolean checked = false;
		for (Object model : models) {
			if (model != null) {
				if (model.getClass() != last) {
					// decided once per run of models of one class: most batches hold one class
					last = model.getClass();
					checked = hasRules(last);
				}
				List<FieldViolation> found = checked ? violations(model) : List.of();
				if (!found.isEmpty()) {
					invalid++;
					type = (type != null) ? type : model.getClass();
					for (FieldViolation violation : found) {
						String path = "[" + index + "]" + (violation.path().isEmpty() ? "" : "." + violation.path());
						violations.add(new FieldViolation(path, violation.message(), violation.rejectedValue()));
					}
				}
			}
			index++;
		}
		if (type != null) {
			throw new ValidationException(batchSummary(invalid, index, type), violations);
		}
	}

	/** Whether validating objects of a class checks anything: constraints, validators, rules or containers. */
	private boolean hasRules(Class<?> type) {
		return isBeanConstrained(type) || !plan(type).checks().isEmpty();
	}

	/**
	 * Every violation of one model, empty when it is valid.
	 */
	public List<FieldViolation> violations(Object model) {
		List<FieldViolation> violations = new ArrayList<>();
		collect(model, "", violations, newVisiting());
		return distinct(violations);
	}

	/**
	 * Validates values about to be written to fields of a model without a whole instance, as an update does: each
	 * value is checked against the constraints, validators and embedded rules of its field, and embedded containers
	 * in it are validated whole.
	 * @param model the model class
	 * @param values literal values by field: Java property names, or dotted paths into embedded containers
	 * ({@code blog.name}); expressions evaluated by the server are the caller's to leave out
	 * @throws ValidationException naming every field that failed
	 * @throws IllegalArgumentException when a name is not a field of the model
	 */
	public void validateValues(Class<?> model, Map<String, ?> values) {
		List<FieldViolation> violations = new ArrayList<>();
		for (Map.Entry<String, ?> entry : values.entrySet()) {
			String path = entry.getKey();
			Object value = entry.getValue();
			int dot = path.lastIndexOf('.');
			Class<?> owner = (dot < 0) ? model : ownerOf(model, path.substring(0, dot));
			String name = path.substring(dot + 1);
			requireField(model, owner, name, path);
			if (this.beanValidator != null && isBeanConstrained(owner)) {
				for (ConstraintViolation<?> violation : this.beanValidator.validateValue(owner, name, value)) {
					violations.add(violation(path, violation.getMessage(), value));
				}
			}
			FieldCheck check = plan(owner).check(name);
			if (check != null) {
				checkField(check, value, path, violations, newVisiting());
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(model.getSimpleName() + " update is not valid", distinct(violations));
		}
	}

	/**
	 * The map keys of a model (and of its embedded containers) that cannot be stored as field names: keys starting
	 * with {@code $} or containing {@code .}. Empty when all can.
	 */
	public List<FieldViolation> keyViolations(Object model) {
		List<FieldViolation> violations = new ArrayList<>();
		collectKeys(model, "", violations, newVisiting());
		return violations;
	}

	private void collectKeys(Object object, String prefix, List<FieldViolation> out, Set<Object> visiting) {
		if (!visiting.add(object)) {
			return;
		}
		for (FieldCheck check : plan(object.getClass()).checks()) {
			Object value = ReflectionUtils.getField(check.field(), object);
			if (value == null) {
				continue;
			}
			String path = prefix + check.name();
			if (check.keys()) {
				checkKeys(value, path, out);
			}
			if (check.cascade() == ValidationPlan.Cascade.SINGLE && ValidationPlan.isCascadable(value.getClass())) {
				collectKeys(value, path + ".", out, visiting);
			}
			else if (check.cascade() == ValidationPlan.Cascade.ELEMENTS) {
				int index = 0;
				for (Object element : elements(value)) {
					if (element != null && ValidationPlan.isCascadable(element.getClass())) {
						collectKeys(element, path + "[" + index + "].", out, visiting);
					}
					index++;
				}
			}
		}
		visiting.remove(object);
	}

	/** Map keys become field names: MongoDB reads a leading {@code $} as an operator and a {@code .} as a path. */
	private static void checkKeys(Object value, String path, List<FieldViolation> out) {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				if (key.startsWith("$") || key.contains(".")) {
					out.add(FieldViolation.of(path, "Map key '" + key + "' cannot be stored: a key must not start"
							+ " with '$' nor contain '.'", key));
				}
				if (entry.getValue() != null) {
					checkKeys(entry.getValue(), path + "." + key, out);
				}
			}
		}
		else if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				if (element != null) {
					checkKeys(element, path + "[" + index + "]", out);
				}
				index++;
			}
		}
	}

	private void collect(Object object, String prefix, List<FieldViolation> out, Set<Object> visiting) {
		if (!visiting.add(object)) {
			return;
		}
		Class<?> type = object.getClass();
		if (this.beanValidator != null && isBeanConstrained(type)) {
			for (ConstraintViolation<Object> violation : this.beanValidator.validate(object)) {
				String path = violation.getPropertyPath().toString();
				out.add(violation(path.isEmpty() ? trimDot(prefix) : prefix + path, violation.getMessage(),
						violation.getInvalidValue()));
			}
		}
		for (FieldCheck check : plan(type).checks()) {
			checkField(check, ReflectionUtils.getField(check.field(), object), prefix + check.name(), out, visiting);
		}
		visiting.remove(object);
	}

	private void checkField(FieldCheck check, @Nullable Object value, String path, List<FieldViolation> out,
			Set<Object> visiting) {
		if (value == null) {
			if (!check.nullable()) {
				out.add(violation(path, CANNOT_BE_NULL, null));
			}
			return;
		}
		if (!check.blank() && ValidationPlan.isBlank(value, this::plan)) {
			out.add(violation(path, CANNOT_BE_BLANK, value));
		}
		if (check.keys()) {
			checkKeys(value, path, out);
		}
		if (check.decimals()) {
			checkDecimals(value, path, out);
		}
		for (FieldValidator<Object> validator : check.validators()) {
			try {
				validator.validate(value);
			}
			catch (ValidationException ex) {
				report(ex, path, value, out);
			}
		}
		switch (check.cascade()) {
			case SINGLE -> {
				if (ValidationPlan.isCascadable(value.getClass())) {
					collect(value, path + ".", out, visiting);
				}
			}
			case ELEMENTS -> {
				int index = 0;
				for (Object element : elements(value)) {
					if (element != null && ValidationPlan.isCascadable(element.getClass())) {
						collect(element, path + "[" + index + "].", out, visiting);
					}
					index++;
				}
			}
			case NONE -> {
			}
		}
	}

	/** Decimals are stored as Decimal128: one that it cannot hold exactly is refused, never rounded. */
	private static void checkDecimals(@Nullable Object value, String path, List<FieldViolation> out) {
		if (value instanceof Collection<?> || value instanceof Object[]) {
			int index = 0;
			for (Object element : elements(value)) {
				checkDecimals(element, path + "[" + index + "]", out);
				index++;
			}
			return;
		}
		String problem = Decimal128Values.problem(value);
		if (problem != null) {
			out.add(violation(path, problem, value));
		}
	}

	private static void report(ValidationException ex, String path, Object value, List<FieldViolation> out) {
		if (!ex.getViolations().isEmpty()) {
			for (FieldViolation nested : ex.getViolations()) {
				out.add(new FieldViolation(path + "." + nested.path(), nested.message(), nested.rejectedValue()));
			}
			return;
		}
		String message = ex.getMessage(path);
		out.add(violation(path, message, value));
	}

	private static Iterable<?> elements(Object value) {
		if (value instanceof Collection<?> collection) {
			return collection;
		}
		if (value instanceof Object[] array) {
			return Arrays.asList(array);
		}
		return List.of();
	}

	private Class<?> ownerOf(Class<?> model, String path) {
		Class<?> owner = model;
		String walked = "";
		for (String segment : path.split("\\.")) {
			walked = walked.isEmpty() ? segment : walked + "." + segment;
			Field field = requireField(model, owner, segment, walked);
			ResolvableType type = ResolvableType.forField(field);
			Class<?> next = Collection.class.isAssignableFrom(field.getType())
					? type.asCollection().resolveGeneric(0) : field.getType().isArray()
							? field.getType().getComponentType() : field.getType();
			if (next == null || !ValidationPlan.isCascadable(next)) {
				throw new IllegalArgumentException(model.getSimpleName() + "." + walked
						+ " is not an embedded container; it has no field to validate a value for");
			}
			owner = next;
		}
		return owner;
	}

	private Field requireField(Class<?> model, Class<?> owner, String name, String path) {
		Field field = plan(owner).fields().get(name);
		if (field == null) {
			throw new IllegalArgumentException("Cannot validate a value for '" + path + "': " + owner.getSimpleName()
					+ ((owner != model) ? " (in " + model.getSimpleName() + ")" : "") + " has no field '" + name
					+ "'. Choices are: " + String.join(", ", plan(owner).fields().keySet()));
		}
		return field;
	}

	private ValidationPlan plan(Class<?> type) {
		if (!ValidationPlan.isCascadable(type)) {
			return ValidationPlan.NONE;
		}
		ValidationPlan plan = this.plans.get(type);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(type, (key) -> ValidationPlan.of(key, this::validatorOf));
		}
		return plan;
	}

	private FieldValidator<?> validatorOf(Class<?> type) {
		return this.validators.computeIfAbsent(type, (key) -> (FieldValidator<?>) BeanUtils.instantiateClass(key));
	}

	private boolean isBeanConstrained(Class<?> type) {
		Validator validator = this.beanValidator;
		if (validator == null) {
			return false;
		}
		Boolean constrained = this.beanConstrained.get(type);
		if (constrained == null) {
			constrained = validator.getConstraintsForClass(type).isBeanConstrained();
			this.beanConstrained.put(type, constrained);
		}
		return constrained;
	}

	private static FieldViolation violation(String path, String message, @Nullable Object value) {
		return FieldViolation.of(path, message, value);
	}

	private static String batchSummary(int invalid, int total, Class<?> type) {
		return invalid + " of " + total + " " + type.getSimpleName() + " objects " + ((invalid == 1) ? "is" : "are")
				+ " not valid";
	}

	private static String trimDot(String prefix) {
		return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

	private static Set<Object> newVisiting() {
		return Collections.newSetFromMap(new IdentityHashMap<>());
	}

	private static List<FieldViolation> distinct(List<FieldViolation> violations) {
		if (violations.size() < 2) {
			return violations;
		}
		Set<String> seen = new LinkedHashSet<>();
		List<FieldViolation> distinct = new ArrayList<>(violations.size());
		for (FieldViolation violation : violations) {
			if (seen.add(violation.path() + '\u0000' + violation.message())) {
				distinct.add(violation);
			}
		}
		return distinct;
	}

}
