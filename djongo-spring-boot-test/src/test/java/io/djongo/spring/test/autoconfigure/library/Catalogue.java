package io.djongo.spring.test.autoconfigure.library;

import org.springframework.stereotype.Service;

/**
 * The application's own service: a test of the slice imports it.
 */
@Service
public class Catalogue {

	private final GenreRepository genres;

	private final BookRepository books;

	public Catalogue(GenreRepository genres, BookRepository books) {
		this.genres = genres;
		this.books = books;
	}

	/** Adds a book, creating its genre when it is new. */
	public Book add(String title, String genre) {
		Genre found = this.genres.objects().filter("name", genre).first()
			.orElseGet(() -> this.genres.save(new Genre(genre)));
		return this.books.save(new Book(title, found));
	}

	public long booksOf(String genre) {
		return this.books.objects().filter("genre__name", genre).count();
	}

}
