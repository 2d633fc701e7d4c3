package io.djongo.spring.core.bridge;

import java.util.function.BiFunction;

import org.springframework.data.mapping.callback.EntityCallback;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * The entity callbacks of a {@code DjongoTemplate} for Spring Data's own write paths (saves that update,
 * replacements, bulk operations, session-bound copies of the template): the application's callbacks, then, after
 * its before-convert ones, djongo's rules for the model. The template's own inserts call the application's callbacks
 * directly and apply the rules to the whole batch.
 */
final class DjongoEntityCallbacks implements EntityCallbacks {

	private final EntityCallbacks application;

	private final BiFunction<Object, String, Object> rules;

	/**
	 * @param application the application's callbacks (auditing among them)
	 * @param rules djongo's rules for one model about to be converted, given the model and its collection
	 */
	DjongoEntityCallbacks(EntityCallbacks application, BiFunction<Object, String, Object> rules) {
		this.application = application;
		this.rules = rules;
	}

	@Override
	public void addEntityCallback(EntityCallback<?> callback) {
		this.application.addEntityCallback(callback);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public <T> T callback(Class<? extends EntityCallback> callbackType, T entity, Object... args) {
		T result = this.application.callback(callbackType, entity, args);
		if (callbackType == BeforeConvertCallback.class && args.length > 0 && args[0] instanceof String collection) {
			return (T) this.rules.apply(result, collection);
		}
		return result;
	}

}
