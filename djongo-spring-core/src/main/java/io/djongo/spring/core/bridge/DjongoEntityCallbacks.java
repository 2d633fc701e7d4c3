package io.djongo.spring.core.bridge;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.data.mapping.callback.EntityCallback;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * The entity callbacks of a {@code DjongoTemplate} for Spring Data's own write paths (saves that update,
 * replacements, bulk operations, session-bound copies of the template): the application's callbacks, then, after
 * its before-convert ones, djongo's rules for the model. The template's own inserts call the application's callbacks
 * directly and apply the rules to the whole batch. Before the application's before-save callbacks, a document of a
 * model in Django storage gets djongo's shape; after its after-convert callbacks, a model read gets what djongo sets
 * on it.
 */
final class DjongoEntityCallbacks implements EntityCallbacks {

	private final EntityCallbacks application;

	private final BiFunction<Object, String, Object> rules;

	private final BiConsumer<Object, Document> shape;

	private final UnaryOperator<Object> read;

	private final Runnable added;

	/**
	 * @param application the application's callbacks (auditing among them)
	 * @param rules djongo's rules for one model about to be converted, given the model and its collection
	 * @param shape gives the document about to be saved the shape of its model's storage
	 * @param read completes a model just read
	 * @param added told when a callback is added to the application's
	 */
	DjongoEntityCallbacks(EntityCallbacks application, BiFunction<Object, String, Object> rules,
			BiConsumer<Object, Document> shape, UnaryOperator<Object> read, Runnable added) {
		this.application = application;
		this.rules = rules;
		this.shape = shape;
		this.read = read;
		this.added = added;
	}

	@Override
	public void addEntityCallback(EntityCallback<?> callback) {
		this.application.addEntityCallback(callback);
		this.added.run();
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public <T> T callback(Class<? extends EntityCallback> callbackType, T entity, Object... args) {
		if (callbackType == BeforeSaveCallback.class && args.length > 0 && args[0] instanceof Document document) {
			this.shape.accept(entity, document);
		}
		T result = this.application.callback(callbackType, entity, args);
		if (callbackType == BeforeConvertCallback.class && args.length > 0 && args[0] instanceof String collection) {
			return (T) this.rules.apply(result, collection);
		}
		if (callbackType == AfterConvertCallback.class) {
			return (T) this.read.apply(result);
		}
		return result;
	}

}
