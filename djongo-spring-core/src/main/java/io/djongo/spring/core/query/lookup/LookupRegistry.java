package io.djongo.spring.core.query.lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The lookups and transforms a QuerySet understands, by name, and which of them apply to which field types.
 */
public final class LookupRegistry {

	private static final Set<String> TEXT_ONLY = Set.of("iexact", "contains", "icontains", "startswith",
			"istartswith", "endswith", "iendswith", "regex", "iregex");

	private final Map<String, Lookup> lookups = new LinkedHashMap<>();

	private final Map<String, Transform> transforms = new LinkedHashMap<>();

	/** The registry of Django's lookups and date transforms. */
	public static LookupRegistry standard() {
		LookupRegistry registry = new LookupRegistry();
		for (Lookup lookup : new Lookup[] { ComparisonLookup.EXACT, TextLookup.IEXACT, TextLookup.CONTAINS,
				TextLookup.ICONTAINS, InLookup.IN, ComparisonLookup.GT, ComparisonLookup.GTE, ComparisonLookup.LT,
				ComparisonLookup.LTE, TextLookup.STARTSWITH, TextLookup.ISTARTSWITH, TextLookup.ENDSWITH,
				TextLookup.IENDSWITH, RangeLookup.RANGE, IsNullLookup.ISNULL, RegexLookup.REGEX, RegexLookup.IREGEX }) {
			registry.lookups.put(lookup.name(), lookup);
		}
		registry.transforms.putAll(DateTransforms.all());
		return registry;
	}

	/** A lookup by name, or null. */
	public @Nullable Lookup lookup(String name) {
		return this.lookups.get(name);
	}

	/** A transform by name, or null. */
	public @Nullable Transform transform(String name) {
		return this.transforms.get(name);
	}

	/** Whether the name is a lookup or a transform. */
	public boolean isLookupOrTransform(String name) {
		return this.lookups.containsKey(name) || this.transforms.containsKey(name);
	}

	/** Whether a lookup applies to values of a type: the text lookups only to strings. */
	public boolean appliesTo(Lookup lookup, Class<?> type) {
		return !TEXT_ONLY.contains(lookup.name()) || type == String.class || type == Object.class
				|| type == Character.class || type == char.class;
	}

	/** The names of the lookups and transforms that apply to values of a type, sorted, for error messages. */
	public String choicesFor(Class<?> type) {
		Set<String> names = new TreeSet<>();
		this.lookups.values().stream().filter((lookup) -> appliesTo(lookup, type)).forEach((l) -> names.add(l.name()));
		this.transforms.values().stream().filter((t) -> t.appliesTo(type)).forEach((t) -> names.add(t.name()));
		return names.stream().collect(Collectors.joining(", "));
	}

}
