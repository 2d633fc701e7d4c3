/**
 * Auto-configuration of GridFS storage for file and image fields.
 */
@NullMarked
package io.djongo.spring.autoconfigure.gridfs;

import org.jspecify.annotations.NullMarked;
