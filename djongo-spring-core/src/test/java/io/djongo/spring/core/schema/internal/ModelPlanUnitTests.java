package io.djongo.spring.core.schema.internal;

import java.util.function.BiConsumer;
import java.util.function.Function;

import io.djongo.spring.core.model.DjongoMappingContext;
import io.djongo.spring.core.model.internal.ModelCodecs;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An id is read, and an auto-increment one set, as Spring Data's property accessor does: the field of a mutable
 * model (through the plan's field handles), the getter and setter under property access, a new instance through
 * the wither of an immutable one.
 */
class ModelPlanUnitTests {

	private final MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE,
			new DjongoMappingContext());

	/** The field handles the template's codecs give the writer. */
	private final ModelEncoder encoder = new ModelEncoder() {

		@Override
		public Document encode(Object model) {
			Document document = new Document();
			ModelPlanUnitTests.this.converter.write(model, document);
			return document;
		}

		@Override
		public @Nullable Function<Object, @Nullable Object> fieldReader(MongoPersistentProperty property) {
			return ModelCodecs.fieldReader(property);
		}

		@Override
		public @Nullable BiConsumer<Object, @Nullable Object> fieldWriter(MongoPersistentProperty property) {
			return ModelCodecs.fieldWriter(property);
		}

	};

	@Test
	void setsTheIdFieldOfAMutableModel() {
		Mutable model = new Mutable();
		Object result = ModelPlan.of(Mutable.class, this.converter, this.encoder).assignId(model, 42L);
		assertThat(result).isSameAs(model);
		assertThat(model.id).isEqualTo(42L);
		assertThat(ModelPlan.of(Mutable.class, this.converter, this.encoder).id(model)).isEqualTo(42L);
	}

	@Test
	void setsAnIntegerIdAsAnIntegerAndRefusesOneBeyondIt() {
		IntegerId model = new IntegerId();
		ModelPlan plan = ModelPlan.of(IntegerId.class, this.converter, this.encoder);
		plan.assignId(model, 7L);
		assertThat(model.id).isEqualTo(7);
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> plan.assignId(model, Integer.MAX_VALUE + 1L));
		assertThat(model.id).isEqualTo(7);
	}

	@Test
	void setsAnIdUnderPropertyAccessThroughItsSetter() {
		PropertyAccess model = new PropertyAccess();
		ModelPlan.of(PropertyAccess.class, this.converter, this.encoder).assignId(model, 3L);
		assertThat(model.id).isEqualTo(3L);
		assertThat(model.setterCalls).isEqualTo(1);
		assertThat(ModelPlan.of(PropertyAccess.class, this.converter, this.encoder).id(model)).isEqualTo(3L);
		assertThat(model.getterCalls).isEqualTo(1);
	}

	@Test
	void returnsANewInstanceOfAnImmutableModel() {
		Immutable model = new Immutable(null, "n");
		Object result = ModelPlan.of(Immutable.class, this.converter, this.encoder).assignId(model, 5L);
		assertThat(result).isNotSameAs(model).isInstanceOf(Immutable.class);
		assertThat(((Immutable) result).id).isEqualTo(5L);
		assertThat(((Immutable) result).name).isEqualTo("n");
		assertThat(model.id).isNull();
		assertThat(ModelPlan.of(Immutable.class, this.converter, this.encoder).id(result)).isEqualTo(5L);
	}

	static class Mutable {

		@Id
		@Nullable Long id;

	}

	static class IntegerId {

		@Id
		@Nullable Integer id;

	}

	static class PropertyAccess {

		@Id
		@AccessType(AccessType.Type.PROPERTY)
		@Nullable Long id;

		transient int setterCalls;

		transient int getterCalls;

		public @Nullable Long getId() {
			this.getterCalls++;
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.setterCalls++;
			this.id = id;
		}

	}

	static final class Immutable {

		@Id
		final @Nullable Long id;

		final String name;

		Immutable(@Nullable Long id, String name) {
			this.id = id;
			this.name = name;
		}

		Immutable withId(Long id) {
			return new Immutable(id, this.name);
		}

	}

}
