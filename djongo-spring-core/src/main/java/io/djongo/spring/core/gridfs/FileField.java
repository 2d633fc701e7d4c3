package io.djongo.spring.core.gridfs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code FileField}: a {@link StoredFile} property whose content lives in a GridFS bucket.
 * <p>
 * Saving the model uploads a new file ({@link StoredFile#of}) to the {@link #storage() storage}, under
 * {@link #uploadTo()} plus the file's name made safe; a name already taken gets a random suffix. The model's document
 * keeps the file's id, name, size, content type and upload date. Replacing or clearing the property, or deleting the
 * model, keeps the old file unless {@link #deleteOnReplace()} or {@link #deleteWithModel()} say otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface FileField {

	/**
	 * Name of the {@link GridFsStorage} bean holding the files; empty for the default storage,
	 * {@value GridFsStorage#DEFAULT_BEAN_NAME}.
	 */
	String storage() default "";

	/**
	 * Prefix of the names of uploaded files, such as {@code "avatars/"}; a missing trailing slash is added.
	 */
	String uploadTo() default "";

	/**
	 * Whether the previous file is deleted from GridFS once a save that replaced or cleared it has succeeded (Django
	 * keeps it). A file still referenced by another document of the collection in this field is kept.
	 */
	boolean deleteOnReplace() default false;

	/**
	 * Whether the file is deleted from GridFS once the model's document has been deleted through a repository or
	 * template (Django keeps it). Raw {@code mongoDelete*} calls never delete files.
	 */
	boolean deleteWithModel() default false;

}
