package io.djongo.spring.core.query.functions;

import io.djongo.spring.core.query.Func;

/**
 * The relevance of each document to the QuerySet's text search, MongoDB's {@code textScore}, as a {@code Double}
 * ({@code search("mongo spring").annotate("score", TextScore.of()).orderBy("-score")}); the higher the better.
 * Only in a QuerySet that searches ({@code search(...)} or a {@code __search} lookup). Needs a real MongoDB.
 */
public final class TextScore {

	private TextScore() {
	}

	/** The score of the text search. */
	public static Func of() {
		return Func.of(Func.Function.TEXT_SCORE);
	}

}
