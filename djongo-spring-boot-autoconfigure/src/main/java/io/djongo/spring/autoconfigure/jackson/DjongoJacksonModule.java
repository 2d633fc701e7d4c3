package io.djongo.spring.autoconfigure.jackson;

import java.util.Collection;

import com.mongodb.DBRef;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.Version;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.data.mongodb.core.convert.LazyLoadingProxy;

/**
 * Jackson 3 module for djongo's models: a relation that is still a lazy reference (Spring Data's
 * {@link LazyLoadingProxy}: a {@code @ForeignKey} or {@code @OneToOne} model, a {@code @ManyToMany} list) is written
 * as its id (a list as an array of ids, an empty one as {@code []}), without loading it; once loaded (a method was
 * called on it) as the model. Models that {@code selectRelated} or {@code prefetchRelated} loaded are plain models and
 * written whole. The proxy's internals ({@code source}, {@code target}, callbacks) are never written. Ids that are
 * {@link ObjectId}s are written as their hex string.
 * <p>
 * Spring Boot's {@code JsonMapper} picks it up as a bean; elsewhere register it with
 * {@code JsonMapper.builder().addModule(new DjongoJacksonModule())}.
 */
public class DjongoJacksonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	public DjongoJacksonModule() {
		super("djongo", Version.unknownVersion());
		addSerializer(LazyLoadingProxy.class, new LazyRelationSerializer());
	}

	/**
	 * Writes a lazy reference as its id, or as its target once loaded.
	 */
	static final class LazyRelationSerializer extends StdSerializer<LazyLoadingProxy> {

		LazyRelationSerializer() {
			super(LazyLoadingProxy.class);
		}

		@Override
		public void serialize(LazyLoadingProxy proxy, JsonGenerator generator, SerializationContext context) {
			if (LazyRelations.isResolved(proxy)) {
				// loaded already: getTarget() returns it without a query
				context.writeValue(generator, proxy.getTarget());
			}
			else {
				writeIds(proxy.getSource(), generator, context);
			}
		}

		private static void writeIds(@Nullable Object source, JsonGenerator generator, SerializationContext context) {
			if (source == null) {
				generator.writeNull();
			}
			else if (source instanceof DBRef reference) {
				writeIds(reference.getId(), generator, context);
			}
			else if (source instanceof Collection<?> ids) {
				generator.writeStartArray();
				for (Object id : ids) {
					writeIds(id, generator, context);
				}
				generator.writeEndArray();
			}
			else if (source instanceof ObjectId id) {
				generator.writeString(id.toHexString());
			}
			else {
				context.writeValue(generator, source);
			}
		}

	}

}
