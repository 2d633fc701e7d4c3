package io.djongo.spring.core.query.internal;

import java.lang.reflect.Array;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.ModelMetadata;
import io.djongo.spring.core.query.F;
import io.djongo.spring.core.query.InvalidLookupException;
import org.jspecify.annotations.Nullable;

/**
 * A lookup's value checked against its shape and turned into its stored form: the field's Java type first (a model
 * given for a relation becomes its id), then BSON through the converter that writes documents.
 */
final class LookupValues {

	private final ValueCoercion coercion;

	private final ZoneId zone;

	LookupValues(ValueCoercion coercion, ZoneId zone) {
		this.coercion = coercion;
		this.zone = zone;
	}

	/** The value in its stored form for the lookup's shape; null when nothing can match (an empty {@code in}). */
	@Nullable Object convert(Lookup lookup, Object value, Class<?> type, Target target) {
		return shaped(lookup, value, target, (single) -> single(single, type, target, lookup));
	}

	/**
	 * The value for the lookup's shape, each single value converted by the given function: a list without nulls
	 * for {@code in} (null when empty: nothing can match), exactly two bounds for {@code range}, a boolean for
	 * {@code isnull}, a string for the text lookups.
	 */
	@Nullable Object shaped(Lookup lookup, Object value, Target target, Function<Object, Object> single) {
		return switch (lookup.shape()) {
			case SINGLE -> single.apply(value);
			case LIST -> {
				List<Object> values = new ArrayList<>();
				for (Object element : elements(value, target, lookup)) {
					if (element != null) {
						values.add(single.apply(element));
					}
				}
				yield values.isEmpty() ? null : values;
			}
			case PAIR -> {
				List<?> bounds = elements(value, target, lookup);
				if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
					throw new InvalidLookupException(target.description() + ": range needs exactly two non-null values"
							+ " (from, to), but got " + Shown.value(value));
				}
				yield List.of(single.apply(bounds.get(0)), single.apply(bounds.get(1)));
			}
			case BOOLEAN -> {
				if (!(value instanceof Boolean)) {
					throw new InvalidLookupException(target.description()
							+ ": the value of an isnull lookup must be true or false, not " + Shown.value(value));
				}
				yield value;
			}
			case TEXT, PATTERN, SEARCH -> text(value, lookup, target);
			case GEO -> GeoValues.value(lookup, value, target, this.coercion);
		};
	}

	private Object single(Object value, Class<?> type, Target target, Lookup lookup) {
		if (value instanceof F) {
			throw new InvalidLookupException(target.description() + ": F() cannot be used inside a list of values");
		}
		ModelMetadata related = target.related();
		if (related != null && related.type().isInstance(value)) {
			// a model given for a relation: Django compares its primary key
			Object id = related.entity().getIdentifierAccessor(value).getIdentifier();
			if (id == null) {
				throw new InvalidLookupException(target.description() + ": the " + related.name()
						+ " given has no id yet; save it first");
			}
			value = id;
		}
		boolean wholeList = target.kind() == FieldDescriptor.Kind.VALUES && value instanceof Collection<?>
				&& lookup == Lookup.EXACT;
		if (wholeList) {
			List<Object> converted = new ArrayList<>();
			for (Object element : (Collection<?>) value) {
				converted.add((element != null) ? single(element, type, target, lookup) : null);
			}
			return converted;
		}
		Object java = this.coercion.toJava(value, type, this.zone, () -> target.description());
		Object bson = this.coercion.toBson(java, type);
		if (bson == null) {
			throw new InvalidLookupException(target.description() + ": cannot store " + Shown.value(value));
		}
		return bson;
	}

	static List<?> elements(Object value, Target target, Lookup lookup) {
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		if (value instanceof Object[] array) {
			return Arrays.asList(array);
		}
		if (value.getClass().isArray()) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				list.add(Array.get(value, i));
			}
			return list;
		}
		throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
				+ " lookup needs a collection or array of values, not " + Shown.value(value));
	}

	private static String text(Object value, Lookup lookup, Target target) {
		if (!(value instanceof CharSequence) && !(value instanceof Character) && !(value instanceof Number)) {
			throw new InvalidLookupException(target.description() + ": the " + lookup.lookupName()
					+ " lookup needs a string, not " + Shown.value(value) + " (" + value.getClass().getSimpleName() + ")");
		}
		String text = value.toString();
		if (lookup.shape() == Lookup.Shape.PATTERN) {
			try {
				Pattern.compile(text);
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidLookupException(target.description() + ": invalid regular expression '"
						+ Shown.value(text) + "': " + ex.getDescription(), ex);
			}
		}
		return text;
	}

}
