/**
 * The embedded MongoDB-wire server (mongo-java-server) started when no host is configured.
 */
@NullMarked
package io.djongo.spring.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
