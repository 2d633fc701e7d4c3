package io.djongo.spring.core.query.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.djongo.spring.core.model.ModelMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;

/**
 * The ids a forward relation field holds, read without loading anything: from a lazy reference its source, from a
 * loaded model its id.
 */
final class RelatedIds {

	private RelatedIds() {
	}

	static List<Object> of(@Nullable Object value, ModelMetadata target) {
		List<Object> ids = new ArrayList<>();
		if (value instanceof LazyLoadingProxy proxy) {
			add(proxy.getSource(), target, ids);
		}
		else {
			add(value, target, ids);
		}
		return ids;
	}

	private static void add(@Nullable Object value, ModelMetadata target, List<Object> ids) {
		if (value == null) {
			return;
		}
		if (value instanceof LazyLoadingProxy proxy) {
			add(proxy.getSource(), target, ids);
		}
		else if (value instanceof Collection<?> many) {
			for (Object element : many) {
				add(element, target, ids);
			}
		}
		else if (target.type().isInstance(value)) {
			Object id = target.entity().getIdentifierAccessor(value).getIdentifier();
			if (id != null) {
				ids.add(id);
			}
		}
		else {
			ids.add(value);
		}
	}

}
