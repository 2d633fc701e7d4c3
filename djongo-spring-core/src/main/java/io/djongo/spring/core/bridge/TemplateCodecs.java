package io.djongo.spring.core.bridge;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import com.mongodb.client.MongoCollection;
import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.model.internal.ModelCodecs;
import io.djongo.spring.core.model.internal.RequiredFields;
import io.djongo.spring.core.schema.EnforceSchemaCallback;
import io.djongo.spring.core.schema.internal.ModelEncoder;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * The template's per-model codec ({@link ModelCodecs}), and where it may stand in for documents: the writes' convert
 * step, and the engine's reads of whole models.
 * <p>
 * A batch skips the before-convert step of its models when no listener of {@code BeforeConvertEvent} and no
 * {@code BeforeConvertCallback} that applies to the model would see it.
 * A model is written without a {@code Document} only when nothing would look at one: no listener of Spring Data's
 * save events (among the context's listeners and its parents', as it publishes them), and no before- or after-save
 * callback that applies to the model, djongo's enforce-schema callback counting only for a model whose schema it
 * enforces (it writes the null fields into the document). A model is read without a {@code Document} only where the
 * after-convert callbacks would not need it: enforce-schema's check needs only to know its fields are there, and the
 * file-field callback does nothing for a model without file fields. Any
 * other callback that applies, callbacks the template was given rather than found in its context, or a publisher
 * other than a context it can ask: documents, as Spring Data makes them. Models in Django storage always go through
 * documents, which djongo shapes when they are written and completes the models of when they are read.
 */
final class TemplateCodecs implements ModelEncoder, RequiredFields {

	private final MongoConverter converter;

	private final MongoDatabaseFactory databaseFactory;

	private final Predicate<Class<?>> shaped;

	private final BiConsumer<Object, Document> shape;

	private volatile @Nullable ModelCodecs codecs;

	private volatile @Nullable CodecRegistry inserts;

	private volatile @Nullable ApplicationContext context;

	private volatile boolean callbacksKnown = true;

	private volatile boolean eventsEnabled = true;

	/**
	 * @param shaped whether djongo shapes the documents of a model (Django storage) and completes the models read
	 * from them: such models are written and read through documents only
	 * @param shape gives a model's document the shape of its storage
	 */
	TemplateCodecs(MongoConverter converter, MongoDatabaseFactory databaseFactory, Predicate<Class<?>> shaped,
			BiConsumer<Object, Document> shape) {
		this.converter = converter;
		this.databaseFactory = databaseFactory;
		this.shaped = shaped;
		this.shape = shape;
	}

	/** The context that publishes the template's events and holds its callbacks. */
	void context(ApplicationContext context) {
		this.context = context;
	}

	/** Callbacks the template was given, or that were added to it: which ones apply is not known. */
	void callbacksUnknown() {
		this.callbacksKnown = false;
		// decoders made before knew only the callbacks of the context
		this.codecs = null;
	}

	void eventsEnabled(boolean enabled) {
		this.eventsEnabled = enabled;
	}

	// --- the writes' convert step ---

	@Override
	public Document encode(Object model) {
		Document document = this.shaped.test(model.getClass()) ? null : codecs().document(model);
		if (document == null) {
			document = new Document();
			this.converter.write(model, document);
			this.shape.accept(model, document);
		}
		return document;
	}

	@Override
	public @Nullable Object convert(Object model) {
		return this.shaped.test(model.getClass()) ? null : codecs().convert(model);
	}

	@Override
	public Object id(Object converted) {
		return codecs().id(converted);
	}

	@Override
	public @Nullable Function<Object, @Nullable Object> fieldReader(MongoPersistentProperty property) {
		return ModelCodecs.fieldReader(property);
	}

	@Override
	public @Nullable BiConsumer<Object, @Nullable Object> fieldWriter(MongoPersistentProperty property) {
		return ModelCodecs.fieldWriter(property);
	}

	/** A template's collection as an insert of converted models and documents uses it. */
	MongoCollection<Object> forInsert(MongoCollection<Document> collection) {
		CodecRegistry registry = this.inserts;
		if (registry == null) {
			registry = CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(codecs().insertCodec()),
					collection.getCodecRegistry());
			this.inserts = registry;
		}
		return collection.withDocumentClass(Object.class).withCodecRegistry(registry);
	}

	/** Whether a before-save or after-save step may do anything with the document of a model of this class. */
	boolean needsDocumentOnSave(Class<?> model) {
		ApplicationContext context = this.context;
		if (!this.callbacksKnown) {
			return true;
		}
		if (context == null) {
			// no callbacks, no events
			return false;
		}
		// typed as Spring types the events it publishes: by their raw class
		if (this.eventsEnabled && (listens(context, ResolvableType.forClass(BeforeSaveEvent.class))
				|| listens(context, ResolvableType.forClass(AfterSaveEvent.class)))) {
			return true;
		}
		for (Class<?> type : new Class<?>[] { BeforeSaveCallback.class, AfterSaveCallback.class }) {
			for (Object callback : context.getBeanProvider(type)) {
				boolean enforcing = callback instanceof EnforceSchemaCallback enforce && enforce.enforces(model);
				if (enforcing || !(callback instanceof EnforceSchemaCallback) && appliesTo(callback, type, model)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether a before-convert step may do anything with a model of this class: a listener, a callback that applies. */
	boolean needsBeforeConvert(Class<?> model) {
		ApplicationContext context = this.context;
		if (!this.callbacksKnown) {
			return true;
		}
		if (context == null) {
			// no callbacks, no events
			return false;
		}
		if (this.eventsEnabled && listens(context, ResolvableType.forClass(BeforeConvertEvent.class))) {
			return true;
		}
		for (Object callback : context.getBeanProvider(BeforeConvertCallback.class)) {
			if (appliesTo(callback, BeforeConvertCallback.class, model)) {
				return true;
			}
		}
		return false;
	}

	// --- the engine's reads ---

	/** The decoder of a model's whole documents, or null when the model is read only from documents. */
	@Nullable Codec<Object> decoder(Class<?> model) {
		if (this.shaped.test(model)) {
			return null;
		}
		ModelCodecs codecs = codecs();
		return codecs.decodesModels(model) ? codecs.decoder(model) : null;
	}

	@Override
	public @Nullable Set<String> of(Class<?> model) {
		ApplicationContext context = this.context;
		if (!this.callbacksKnown) {
			return null;
		}
		if (context == null) {
			return Set.of();
		}
		Set<String> required = new LinkedHashSet<>();
		for (Object callback : context.getBeanProvider(AfterConvertCallback.class)) {
			if (callback instanceof EnforceSchemaCallback enforce) {
				required.addAll(enforce.requiredFields(model));
			}
			else if (callback instanceof FileFieldCallbacks files) {
				if (files.hasFileFields(model)) {
					return null;
				}
			}
			else if (appliesTo(callback, AfterConvertCallback.class, model)) {
				return null;
			}
		}
		return required;
	}

	ModelCodecs codecs() {
		ModelCodecs result = this.codecs;
		if (result == null) {
			// built on first use: the converter is then fully configured
			result = new ModelCodecs(this.converter, this.databaseFactory.getCodecRegistry(), this);
			this.codecs = result;
		}
		return result;
	}

	/** Whether a callback is called for a model, as Spring Data matches callbacks to entities by their type. */
	private static boolean appliesTo(Object callback, Class<?> callbackType, Class<?> model) {
		Class<?> entity = ResolvableType.forClass(callbackType, callback.getClass()).getGeneric(0).resolve();
		return entity == null || entity.isAssignableFrom(model);
	}

	/**
	 * Whether a listener of the context (or of a parent, which the context also publishes to) takes events of this
	 * type: the statically added ones (those of {@code @EventListener} methods among them) and the listener beans.
	 */
	private static boolean listens(ApplicationContext context, ResolvableType event) {
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (!(current instanceof AbstractApplicationContext listing)) {
				return true;
			}
			for (ApplicationListener<?> listener : listing.getApplicationListeners()) {
				if (supports(listener, event)) {
					return true;
				}
			}
			for (String name : current.getBeanNamesForType(ApplicationListener.class, true, false)) {
				if (!(current.getBean(name) instanceof ApplicationListener<?> listener) || supports(listener, event)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean supports(ApplicationListener<?> listener, ResolvableType event) {
		GenericApplicationListener generic = (listener instanceof GenericApplicationListener known) ? known
				: new GenericApplicationListenerAdapter(listener);
		return generic.supportsEventType(event);
	}

}
