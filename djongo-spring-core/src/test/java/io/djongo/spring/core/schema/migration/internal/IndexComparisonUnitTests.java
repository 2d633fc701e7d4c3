package io.djongo.spring.core.schema.migration.internal;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a declared index is found among the ones {@code listIndexes} returns, and how it differs from it, with MongoDB's
 * defaults and the forms a real server stores (a text index as {@code _fts}/{@code _ftsx} with weights, a collation
 * with every attribute filled in).
 */
class IndexComparisonUnitTests {

	private static DeclaredIndex declared(String keys, String options) {
		return new DeclaredIndex(Object.class, "c", Document.parse(keys), Document.parse(options), "@Indexed");
	}

	@Test
	void theSameIndexWithNumbersOfAnotherTypeHasNoDifference() {
		DeclaredIndex isbn = declared("{isbn: 1}", "{name: 'isbn', unique: true}");
		Document stored = Document.parse("{v: 2, key: {isbn: 1.0}, name: 'isbn', unique: true}");
		assertThat(IndexComparison.match(isbn, List.of(stored))).isSameAs(stored);
		assertThat(IndexComparison.difference(isbn, stored)).isEmpty();
	}

	@Test
	void anIndexWithoutTheDeclaredUniquenessDiffers() {
		DeclaredIndex isbn = declared("{isbn: 1}", "{name: 'isbn', unique: true}");
		Document stored = Document.parse("{v: 2, key: {isbn: 1}, name: 'isbn'}");
		assertThat(IndexComparison.difference(isbn, stored)).isEqualTo("unique: declared true, stored false");
	}

	@Test
	void theSameKeysUnderAnotherNameAreFoundAndTheNameIsTheDifference() {
		DeclaredIndex isbn = declared("{isbn: 1}", "{name: 'isbn'}");
		Document stored = Document.parse("{key: {isbn: 1}, name: 'isbn_1'}");
		assertThat(IndexComparison.match(isbn, List.of(stored))).isSameAs(stored);
		assertThat(IndexComparison.difference(isbn, stored)).isEqualTo("name: declared 'isbn', stored 'isbn_1'");
	}

	@Test
	void theSameKeysWithAnotherCollationAreAnotherIndex() {
		DeclaredIndex french = declared("{isbn: 1}", "{name: 'isbn_fr', collation: {locale: 'fr'}}");
		Document stored = Document.parse("{key: {isbn: 1}, name: 'isbn'}");
		assertThat(IndexComparison.match(french, List.of(stored))).isNull();
	}

	@Test
	void aCollationIsComparedOnTheDeclaredAttributesOnly() {
		DeclaredIndex email = declared("{email: 1}", "{name: 'email_1', collation: {locale: 'en', strength: 2}}");
		Document stored = Document.parse("{key: {email: 1}, name: 'email_1', collation: {locale: 'en', caseLevel:"
				+ " false, caseFirst: 'off', strength: 2, numericOrdering: false, alternate: 'non-ignorable',"
				+ " maxVariable: 'punct', normalization: false, backwards: false, version: '57.1'}}");
		assertThat(IndexComparison.difference(email, stored)).isEmpty();
		Document primary = Document.parse("{key: {email: 1}, name: 'email_1', collation: {locale: 'en', strength: 1}}");
		assertThat(IndexComparison.difference(email, primary)).isEqualTo("collation.strength: declared 2, stored 1");
	}

	@Test
	void aTtlAndAPartialFilterAreCompared() {
		DeclaredIndex ttl = declared("{at: 1}", "{name: 'at', expireAfterSeconds: 3600}");
		assertThat(IndexComparison.difference(ttl, Document.parse("{key: {at: 1}, name: 'at', expireAfterSeconds: 60}")))
			.isEqualTo("expireAfterSeconds: declared 3600, stored 60");
		DeclaredIndex partial = declared("{email: 1}", "{name: 'e', partialFilterExpression: {active: true}}");
		assertThat(IndexComparison.difference(partial, Document.parse("{key: {email: 1}, name: 'e'}")))
			.isEqualTo("partialFilterExpression: declared {\"active\": true}, stored null");
	}

	@Test
	void aTextIndexIsFoundInTheFormMongoDbStoresIt() {
		DeclaredIndex text = declared("{title: 'text', body: 'text'}", "{name: 'Book_TextIndex', weights: {title: 3}}");
		Document stored = Document.parse("{v: 2, key: {_fts: 'text', _ftsx: 1}, name: 'Book_TextIndex', weights:"
				+ " {body: 1, title: 3}, default_language: 'english', language_override: 'language',"
				+ " textIndexVersion: 3}");
		assertThat(IndexComparison.match(text, List.of(stored))).isSameAs(stored);
		assertThat(IndexComparison.difference(text, stored)).isEmpty();
		Document other = Document.parse("{key: {_fts: 'text', _ftsx: 1}, name: 'old', weights: {title: 1}}");
		assertThat(IndexComparison.match(text, List.of(other))).as("the collection's one text index").isSameAs(other);
		assertThat(IndexComparison.difference(text, other)).startsWith("name: declared 'Book_TextIndex', stored 'old';"
				+ " keys: declared");
	}

}
