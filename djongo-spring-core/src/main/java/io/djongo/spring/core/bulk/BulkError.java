package io.djongo.spring.core.bulk;

/**
 * An operation of a bulk write that the server refused.
 * @param index the operation's position in the bulk write, from 0; -1 for a write concern error, which is about the
 * whole write
 * @param code MongoDB's error code (11000 for a duplicate key)
 * @param message the server's message
 */
public record BulkError(int index, int code, String message) {
}
