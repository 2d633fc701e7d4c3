/**
 * GridFS storage for file and image fields: {@link io.djongo.spring.core.gridfs.GridFsStorage},
 * {@link io.djongo.spring.core.gridfs.FileField @FileField}, {@link io.djongo.spring.core.gridfs.ImageField @ImageField}
 * and the value type {@link io.djongo.spring.core.gridfs.StoredFile}.
 */
@NullMarked
package io.djongo.spring.core.gridfs;

import org.jspecify.annotations.NullMarked;
