package io.djongo.spring.test.autoconfigure.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library catalogue, as a user's application on djongo-spring: genres, books with a protected foreign key to
 * their genre, repositories, a service. The tests in this package use it as they would their own.
 */
@SpringBootApplication
public class LibraryApplication {

}
