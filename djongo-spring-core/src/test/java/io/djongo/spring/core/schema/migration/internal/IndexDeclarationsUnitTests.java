package io.djongo.spring.core.schema.migration.internal;

import java.util.List;

import io.djongo.spring.core.model.ModelRegistry;
import io.djongo.spring.core.schema.InvalidIndexException;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Book;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Place;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.TtlOnText;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.UniqueInArray;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.UniqueThroughArray;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.UnknownModelIndexField;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.UnknownPartialField;
import io.djongo.spring.core.schema.migration.internal.SchemaModels.Writer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The indexes declared by models, as the {@code createIndexes} commands djongo sends: each compared with the shape
 * MongoDB documents ({@code {createIndexes: <collection>, indexes: [{key, name, ...options}]}}), and the
 * declarations that cannot hold, refused with the model and the field.
 */
class IndexDeclarationsUnitTests {

	@Test
	void springDataAnnotationsModelIndexesAndOneToOnesBecomeCreateIndexesCommands() {
		ModelRegistry registry = SchemaModels.registry(Book.class, Writer.class);
		List<DeclaredIndex> indexes = new IndexDeclarations(registry).of(registry.metadata(Book.class));
		Document command = IndexReconciler.createIndexesCommand("schema_book", indexes);
		assertThat(Json.of(command)).isEqualTo(Json.parsed("""
				{createIndexes: "schema_book", indexes: [
				  {key: {author_id: 1, title: -1}, name: "author_title", unique: true},
				  {key: {title: "text"}, name: "Book_TextIndex"},
				  {key: {isbn: 1}, name: "isbn", unique: true},
				  {key: {published: 1}, name: "published", expireAfterSeconds: 3600},
				  {key: {email: 1}, name: "email", sparse: true},
				  {key: {author_id: 1, published: -1}, name: "author_id_1_published_-1"},
				  {key: {email: 1}, name: "email_1", unique: true, partialFilterExpression: {active: true},
				   collation: {locale: "en", strength: 2}},
				  {key: {isbn: 1}, name: "isbn_fr", collation: {locale: "fr"}},
				  {key: {editor_id: 1}, name: "editor_id_1", unique: true, sparse: true}
				]}"""));
	}

	@Test
	void geoAndWildcardIndexesKeepSpringDataNames() {
		ModelRegistry registry = SchemaModels.registry(Place.class);
		List<DeclaredIndex> indexes = new IndexDeclarations(registry).of(registry.metadata(Place.class));
		assertThat(indexes).extracting(DeclaredIndex::specification).containsExactly(
				Document.parse("{key: {location: '2dsphere'}, name: 'location'}"),
				Document.parse("{key: {'attributes.$**': 1}, name: 'attributes'}"));
		assertThat(indexes.get(0).embeddedGap()).contains("geo");
		assertThat(indexes.get(1).embeddedGap()).contains("wildcard");
	}

	@Test
	void aTtlOnAFieldThatIsNotADateFailsNamingModelAndField() {
		assertThatExceptionOfType(InvalidIndexException.class).isThrownBy(() -> declare(TtlOnText.class))
			.withMessageStartingWith("TtlOnText.title: a TTL index (expireAfter)")
			.withMessageContaining("needs a date field")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("title"));
	}

	@Test
	void aUniqueIndexOnAnArrayFieldFailsNamingModelAndField() {
		assertThatExceptionOfType(InvalidIndexException.class).isThrownBy(() -> declare(UniqueInArray.class))
			.withMessageStartingWith("UniqueInArray.branches: the unique index")
			.withMessageContaining("goes through the @ArrayField 'branches'")
			.withMessageContaining("cannot hold");
	}

	@Test
	void aUniqueIndexThroughAnArrayFieldFailsNamingTheFieldInside() {
		assertThatExceptionOfType(InvalidIndexException.class).isThrownBy(() -> declare(UniqueThroughArray.class))
			.withMessageStartingWith("UniqueThroughArray.branches.city: the unique index @CompoundIndex");
	}

	@Test
	void aPartialFilterNamingAnUnknownFieldFailsNamingIt() {
		assertThatExceptionOfType(InvalidIndexException.class).isThrownBy(() -> declare(UnknownPartialField.class))
			.withMessageStartingWith("UnknownPartialField.actve: the partial filter of @Indexed email names 'actve',"
					+ " which is no field of UnknownPartialField; fields are: _id, active, email");
	}

	@Test
	void aModelIndexNamingAnUnknownFieldFailsWithTheJavaNames() {
		assertThatExceptionOfType(InvalidIndexException.class)
			.isThrownBy(() -> declare(UnknownModelIndexField.class))
			.withMessageStartingWith("UnknownModelIndexField.autor: the index @ModelIndex names 'autor'")
			.withMessageContaining("fields are: id, title");
	}

	private static List<DeclaredIndex> declare(Class<?> model) {
		ModelRegistry registry = SchemaModels.registry(model);
		return new IndexDeclarations(registry).of(registry.metadata(model));
	}

}
