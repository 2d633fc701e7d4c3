package io.djongo.spring.core.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ReflectionUtils;

/**
 * Reads and sets a property's field as Spring Data's property accessors do for a mutable property with field access
 * (the default): the field itself, no setter, no wither. Spring Data's accessor for a model
 * ({@code InstantiationAwarePropertyAccessor}) creates its delegate accessor anew on every get and set, by
 * reflection; these handles are made once per property. A property accessed otherwise has no handle here, and its
 * model is read and written through Spring Data's accessor.
 */
final class FieldHandles {

	private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

	private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

	private FieldHandles() {
	}

	/** The field's setter, taking the model and the value, or null where Spring Data's accessor must set it. */
	static @Nullable MethodHandle setter(MongoPersistentProperty property) {
		Field field = field(property);
		if (field == null || Modifier.isFinal(field.getModifiers()) || property.isImmutable()
				|| !property.isReadable()) {
			return null;
		}
		try {
			return MethodHandles.lookup().unreflectSetter(field).asType(SETTER);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	/** The field's getter, taking the model, or null where Spring Data's accessor must read it. */
	static @Nullable MethodHandle getter(MongoPersistentProperty property) {
		Field field = field(property);
		if (field == null) {
			return null;
		}
		try {
			return MethodHandles.lookup().unreflectGetter(field).asType(GETTER);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Field field(MongoPersistentProperty property) {
		Field field = property.getField();
		if (field == null || property.usePropertyAccess() || Modifier.isStatic(field.getModifiers())
				|| !field.getDeclaringClass().isAssignableFrom(property.getOwner().getType())) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return field;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static void set(MethodHandle setter, Object model, @Nullable Object value) {
		try {
			setter.invokeExact(model, value);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

	static @Nullable Object get(MethodHandle getter, Object model) {
		try {
			return (Object) getter.invokeExact(model);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

}
