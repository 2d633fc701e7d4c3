package io.djongo.spring.core.schema.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.djongo.spring.core.model.ArrayField;
import io.djongo.spring.core.model.EmbeddedField;
import io.djongo.spring.core.model.FieldValidator;
import io.djongo.spring.core.model.ModelContainer;
import io.djongo.spring.core.model.Validators;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What validating one class takes, worked out once: its fields, which of them carry djongo rules (validators,
 * embedded and array rules) and which lead into embedded containers.
 */
public final class ValidationPlan {

	private final Class<?> type;

	private final Map<String, Field> fields;

	private final List<FieldCheck> checks;

	private ValidationPlan(Class<?> type, Map<String, Field> fields, List<FieldCheck> checks) {
		this.type = type;
		this.fields = fields;
		this.checks = checks;
	}

	/** The plan of a class djongo does not look into (JDK and driver types). */
	public static final ValidationPlan NONE = new ValidationPlan(Object.class, Map.of(), List.of());

	/**
	 * Works out the plan of a class.
	 * @param type the model or container class
	 * @param validators the shared instance of each validator class
	 */
	public static ValidationPlan of(Class<?> type, Function<Class<?>, FieldValidator<?>> validators) {
		Map<String, Field> fields = new LinkedHashMap<>();
		List<FieldCheck> checks = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
						|| fields.containsKey(field.getName())) {
					continue;
				}
				ReflectionUtils.makeAccessible(field);
				fields.put(field.getName(), field);
				FieldCheck check = FieldCheck.of(type, field, validators);
				if (check != null) {
					checks.add(check);
				}
			}
		}
		return new ValidationPlan(type, Collections.unmodifiableMap(fields), List.copyOf(checks));
	}

	public Class<?> type() {
		return this.type;
	}

	/** Every instance field by name, superclass fields included. */
	public Map<String, Field> fields() {
		return this.fields;
	}

	/** The fields with djongo rules or containers, in declaration order. */
	public List<FieldCheck> checks() {
		return this.checks;
	}

	public @Nullable FieldCheck check(String field) {
		for (FieldCheck check : this.checks) {
			if (check.field().getName().equals(field)) {
				return check;
			}
		}
		return null;
	}

	/**
	 * Whether an embedded object holds nothing: every field null, empty or at its primitive default (Django's
	 * {@code blank}).
	 */
	public static boolean isBlank(Object value, Function<Class<?>, ValidationPlan> plans) {
		if (value instanceof CharSequence text) {
			return text.isEmpty();
		}
		if (value instanceof Collection<?> collection) {
			return collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty();
		}
		if (!isCascadable(value.getClass())) {
			return false;
		}
		for (Field field : plans.apply(value.getClass()).fields().values()) {
			Object fieldValue = ReflectionUtils.getField(field, value);
			if (fieldValue == null) {
				continue;
			}
			if (field.getType().isPrimitive()) {
				if (!fieldValue.equals(defaultOf(field.getType()))) {
					return false;
				}
			}
			else if (!isBlank(fieldValue, plans)) {
				return false;
			}
		}
		return true;
	}

	static boolean isContainer(Class<?> type) {
		return AnnotatedElementUtils.hasAnnotation(type, ModelContainer.class);
	}

	/**
	 * Whether validation may look into objects of a type: application classes, not JDK, driver or enum values.
	 */
	public static boolean isCascadable(Class<?> type) {
		if (type.isPrimitive() || type.isEnum() || type.isArray()) {
			return false;
		}
		String name = type.getName();
		return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
				|| name.startsWith("org.bson.") || name.startsWith("com.mongodb."));
	}

	private static Object defaultOf(Class<?> primitive) {
		if (primitive == boolean.class) {
			return false;
		}
		if (primitive == char.class) {
			return '\0';
		}
		if (primitive == long.class) {
			return 0L;
		}
		if (primitive == double.class) {
			return 0.0d;
		}
		if (primitive == float.class) {
			return 0.0f;
		}
		if (primitive == short.class) {
			return (short) 0;
		}
		if (primitive == byte.class) {
			return (byte) 0;
		}
		return 0;
	}

	/**
	 * The djongo rules of one field.
	 *
	 * @param field the field, accessible
	 * @param validators its {@link Validators}, in order
	 * @param nullable whether {@code null} is accepted
	 * @param blank whether an empty container or list is accepted
	 * @param cascade how to validate into the value: not, as one container, or element by element
	 * @param keys whether the value holds maps whose keys become field names (a map, or a list of maps)
	 * @param decimals whether the value is a decimal stored as Decimal128, or a list or array of them
	 */
	public record FieldCheck(Field field, List<FieldValidator<Object>> validators, boolean nullable, boolean blank,
			Cascade cascade, boolean keys, boolean decimals) {

		static @Nullable FieldCheck of(Class<?> owner, Field field,
				Function<Class<?>, FieldValidator<?>> validatorInstances) {
			Validators declared = AnnotatedElementUtils.findMergedAnnotation(field, Validators.class);
			EmbeddedField embedded = AnnotatedElementUtils.findMergedAnnotation(field, EmbeddedField.class);
			ArrayField array = AnnotatedElementUtils.findMergedAnnotation(field, ArrayField.class);
			if (embedded != null && array != null) {
				throw new IllegalStateException(owner.getName() + "." + field.getName()
						+ " is both an @EmbeddedField and an @ArrayField; choose one");
			}
			Cascade cascade = cascadeOf(field, embedded, array);
			boolean keys = holdsMaps(field);
			boolean decimals = holdsDecimals(field);
			if (declared == null && embedded == null && array == null && cascade == Cascade.NONE && !keys
					&& !decimals) {
				return null;
			}
			List<FieldValidator<Object>> validators = new ArrayList<>();
			if (declared != null) {
				for (Class<? extends FieldValidator<?>> validatorType : declared.value()) {
					requireAccepts(owner, field, validatorType);
					validators.add(cast(validatorInstances.apply(validatorType)));
				}
			}
			boolean nullable = (embedded != null) ? embedded.nullable() : (array == null || array.nullable());
			boolean blank = (embedded != null) ? embedded.blank() : (array == null || array.blank());
			return new FieldCheck(field, List.copyOf(validators), nullable, blank, cascade, keys, decimals);
		}

		private static boolean holdsDecimals(Field field) {
			Class<?> type = field.getType();
			if (Collection.class.isAssignableFrom(type)) {
				return Decimal128Values.isDecimal(ResolvableType.forField(field).asCollection().resolveGeneric(0));
			}
			return Decimal128Values.isDecimal(type.isArray() ? type.getComponentType() : type);
		}

		private static boolean holdsMaps(Field field) {
			if (Map.class.isAssignableFrom(field.getType())) {
				return true;
			}
			if (Collection.class.isAssignableFrom(field.getType())) {
				Class<?> element = ResolvableType.forField(field).asCollection().resolveGeneric(0);
				return element != null && Map.class.isAssignableFrom(element);
			}
			return false;
		}

		private static Cascade cascadeOf(Field field, @Nullable EmbeddedField embedded, @Nullable ArrayField array) {
			ResolvableType type = ResolvableType.forField(field);
			if (Collection.class.isAssignableFrom(field.getType()) || field.getType().isArray()) {
				Class<?> element = field.getType().isArray() ? field.getType().getComponentType()
						: type.asCollection().resolveGeneric(0);
				boolean containers = element != null && (isContainer(element) || (array != null && isCascadable(element)));
				return containers ? Cascade.ELEMENTS : Cascade.NONE;
			}
			boolean container = isContainer(field.getType())
					|| ((embedded != null || array != null) && isCascadable(field.getType()));
			return container ? Cascade.SINGLE : Cascade.NONE;
		}

		private static void requireAccepts(Class<?> owner, Field field, Class<?> validatorType) {
			Class<?> accepted = ResolvableType.forClass(validatorType).as(FieldValidator.class).resolveGeneric(0);
			if (accepted != null && !ClassUtils.isAssignable(accepted, field.getType())) {
				throw new IllegalStateException("@Validators on " + owner.getName() + "." + field.getName() + ": "
						+ validatorType.getName() + " validates " + accepted.getName() + " values, but the field is a "
						+ field.getType().getName());
			}
		}

		@SuppressWarnings("unchecked")
		private static FieldValidator<Object> cast(FieldValidator<?> validator) {
			return (FieldValidator<Object>) validator;
		}

		public String name() {
			return this.field.getName();
		}

	}

	/** How validation continues into a field's value. */
	public enum Cascade {

		/** A plain value. */
		NONE,

		/** One embedded container. */
		SINGLE,

		/** A list or array of embedded containers. */
		ELEMENTS

	}

}
