package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.djongo.spring.core.model.FieldDescriptor;
import io.djongo.spring.core.model.FieldError;
import io.djongo.spring.core.query.InvalidLookupException;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a filter's lookup against the field it names: what the path leaves after the field parsed into
 * transforms and one lookup, each allowed for the type it applies to, and a null value allowed only where Django
 * allows it (it becomes {@code isnull}). Bad input fails naming the field and the choices.
 */
final class LookupChecks {

	private LookupChecks() {
	}

	/**
	 * A lookup as checked: its transforms in order, the lookup, the type the lookup compares (the last transform's
	 * output, else the field's), and the value given ({@code true} for a null turned into {@code isnull}).
	 */
	record Checked(List<Transform> transforms, Lookup lookup, Class<?> type, Object value) {
	}

	static Checked check(Target target, @Nullable Object value) {
		List<Transform> transforms = new ArrayList<>();
		Lookup lookup = Lookup.EXACT;
		Class<?> type = target.valueType();
		List<String> rest = target.rest();
		for (int i = 0; i < rest.size(); i++) {
			String name = rest.get(i);
			Transform transform = Transform.named(name);
			Lookup candidate = Lookup.named(name);
			if (transform != null && (candidate == null || i < rest.size() - 1)) {
				if (target.isContainer() || !transform.appliesTo(type)) {
					throw unsupported(name, type, target);
				}
				transforms.add(transform);
				type = transform.outputType();
			}
			else if (candidate != null && i == rest.size() - 1) {
				lookup = candidate;
			}
			else {
				throw unsupported(name, type, target);
			}
		}
		if (value == null) {
			if (lookup != Lookup.EXACT && lookup != Lookup.IEXACT) {
				throw new InvalidLookupException("Cannot use None as a query value: " + target.description()
						+ " (only exact and iexact accept null; use isnull)");
			}
			lookup = Lookup.ISNULL;
			value = true;
		}
		boolean containerLookup = lookup == Lookup.ISNULL || lookup == Lookup.EXACT;
		// a list of two numbers is a legacy coordinate pair
		boolean legacyPair = lookup.shape() == Lookup.Shape.GEO && target.kind() == FieldDescriptor.Kind.VALUES
				&& (type == double.class || type == Double.class);
		if ((!lookup.appliesTo(type) && !legacyPair) || (target.isContainer() && !containerLookup)) {
			throw unsupported(lookup.lookupName(), type, target);
		}
		return new Checked(transforms, lookup, type, value);
	}

	private static FieldError unsupported(String name, Class<?> type, Target target) {
		String kind = target.isContainer() ? "embedded " + type.getSimpleName() : type.getSimpleName();
		String choices = target.isContainer() ? "exact, isnull, or a field of " + type.getSimpleName()
				: choicesFor(type);
		return new FieldError("Unsupported lookup '" + name + "' for " + kind + " field in '" + target.description()
				+ "'. Choices are: " + choices);
	}

	/** The names of the lookups and transforms that apply to values of a type, sorted, for error messages. */
	private static String choicesFor(Class<?> type) {
		Set<String> names = new TreeSet<>();
		for (Lookup lookup : Lookup.values()) {
			if (lookup.appliesTo(type)) {
				names.add(lookup.lookupName());
			}
		}
		for (Transform transform : Transform.values()) {
			if (transform.appliesTo(type)) {
				names.add(transform.transformName());
			}
		}
		return String.join(", ", names);
	}

}
