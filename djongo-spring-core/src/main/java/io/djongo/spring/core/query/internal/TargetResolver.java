package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.model.LookupPath;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.query.lookup.LookupRegistry;

/**
 * Resolves the field part of a lookup against a model and the query's annotations, including keys into maps.
 */
final class TargetResolver {

	private final ModelRegistry models;

	private final LookupRegistry lookups;

	TargetResolver(ModelRegistry models, LookupRegistry lookups) {
		this.models = models;
		this.lookups = lookups;
	}

	Target resolve(String expression, Scope scope) {
		String description = scope.model().name() + "." + expression;
		List<String> parts = Arrays.asList(expression.split(ModelRegistry.SEPARATOR, -1));
		Class<?> annotationType = scope.annotations().get(parts.get(0));
		if (annotationType != null) {
			return new Target(description, parts.get(0), annotationType, FieldDescriptor.Kind.VALUE, null, false, null,
					true, List.copyOf(parts.subList(1, parts.size())));
		}
		LookupPath path = this.models.resolve(scope.model().type(), expression);
		FieldDescriptor field = path.field();
		List<String> rest = path.rest();
		String stored = path.storedPath();
		Class<?> valueType = field.valueType();
		FieldDescriptor.Kind kind = field.kind();
		if (kind == FieldDescriptor.Kind.MAP) {
			List<String> keys = new ArrayList<>();
			while (keys.size() < rest.size() && !this.lookups.isLookupOrTransform(rest.get(keys.size()))) {
				String key = rest.get(keys.size());
				if (key.startsWith("$")) {
					throw new FieldError("Invalid key '" + key + "' in lookup '" + expression + "' on "
							+ scope.model().name() + ": map keys cannot start with '$'");
				}
				keys.add(key);
			}
			if (!keys.isEmpty()) {
				stored = stored + "." + String.join(".", keys);
				rest = rest.subList(keys.size(), rest.size());
				valueType = Object.class;
				kind = FieldDescriptor.Kind.VALUE;
			}
		}
		ModelMetadata container = (field.containerType() != null && path.fields().size() > 0
				&& kind != FieldDescriptor.Kind.VALUE) ? path.owner() : null;
		if (container != null && !rest.isEmpty() && !this.lookups.isLookupOrTransform(rest.get(0))) {
			throw ModelRegistry.unknownField(container, rest.get(0), expression);
		}
		String arrayPrefix = path.arrayPrefix();
		boolean groupable = arrayPrefix != null && !arrayPrefix.equals(stored) && isContainerArray(path, arrayPrefix);
		return new Target(description, stored, valueType, kind, arrayPrefix, groupable, container, false,
				List.copyOf(rest));
	}

	private static boolean isContainerArray(LookupPath path, String arrayPrefix) {
		StringBuilder stored = new StringBuilder();
		for (FieldDescriptor field : path.fields()) {
			if (stored.length() > 0) {
				stored.append('.');
			}
			stored.append(field.storedName());
			if (stored.toString().equals(arrayPrefix)) {
				return field.kind() == FieldDescriptor.Kind.ARRAY;
			}
		}
		return false;
	}

}
