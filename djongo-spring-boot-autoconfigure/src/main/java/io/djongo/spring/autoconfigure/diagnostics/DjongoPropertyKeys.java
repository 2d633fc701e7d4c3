package io.djongo.spring.autoconfigure.diagnostics;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.djongo.spring.autoconfigure.DjongoProperties;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.core.ResolvableType;

/**
 * Every valid {@code djongo.*} key, read from {@link DjongoProperties} itself so that the list can never disagree
 * with what binds. Map entries appear with a placeholder: {@code djongo.logging.loggers.<name>.level}.
 */
final class DjongoPropertyKeys {

	static final String PREFIX = "djongo";

	private static final String GROUP_PACKAGE = "io.djongo.spring";

	private DjongoPropertyKeys() {
	}

	/** All keys, in declaration order of the properties classes. */
	static List<String> all() {
		List<String> keys = new ArrayList<>();
		collect(PREFIX, DjongoProperties.class, keys);
		return keys;
	}

	/**
	 * The keys of the group a key belongs to ({@code djongo.client.*} for {@code djongo.client.max-pool}), or the
	 * top-level keys and groups for a key directly under {@code djongo}.
	 */
	static List<String> near(String key) {
		List<String> all = all();
		String group = key;
		while (group.contains(".")) {
			group = group.substring(0, group.lastIndexOf('.'));
			String prefix = group + ".";
			List<String> members = all.stream().filter((candidate) -> candidate.startsWith(prefix)).toList();
			// a map's entries (loggers.<name>.level) are listed with the group that holds the map
			boolean mapEntries = members.stream().allMatch((member) -> member.startsWith(prefix + "<"));
			if (!group.equals(PREFIX) && !members.isEmpty() && !mapEntries) {
				return members;
			}
		}
		return all.stream().map(DjongoPropertyKeys::topLevel).distinct().toList();
	}

	private static String topLevel(String key) {
		String rest = key.substring(PREFIX.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? key : PREFIX + "." + rest.substring(0, dot) + ".*";
	}

	private static void collect(String prefix, Class<?> type, List<String> keys) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			Method getter = property.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			String key = prefix + "." + DataObjectPropertyName.toDashedForm(property.getName());
			ResolvableType propertyType = ResolvableType.forMethodReturnType(getter);
			Class<?> resolved = propertyType.resolve(Object.class);
			if (Map.class.isAssignableFrom(resolved)) {
				Class<?> valueType = propertyType.asMap().getGeneric(1).resolve(Object.class);
				if (isGroup(valueType)) {
					collect(key + ".<name>", valueType, keys);
				}
				else {
					keys.add(key + ".<key>");
				}
			}
			else if (isGroup(resolved) && !Collection.class.isAssignableFrom(resolved)) {
				collect(key, resolved, keys);
			}
			else {
				keys.add(key);
			}
		}
	}

	private static boolean isGroup(Class<?> type) {
		return !type.isEnum() && type.getPackageName().startsWith(GROUP_PACKAGE);
	}

}
