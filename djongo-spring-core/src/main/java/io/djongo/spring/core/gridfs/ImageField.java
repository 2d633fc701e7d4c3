package io.djongo.spring.core.gridfs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code ImageField}: a {@link FileField @FileField} whose content must be an image the JDK's
 * {@link javax.imageio.ImageIO} can read (PNG, JPEG, GIF, BMP, WBMP, TIFF; not WebP or SVG). Saving reads only the
 * image's header, records its {@link StoredFile#getWidth() width} and {@link StoredFile#getHeight() height}, and
 * fails with an {@link InvalidFileException} (deleting the upload) when the content is not such an image.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface ImageField {

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
	 * Whether the previous file is deleted once a save that replaced or cleared it has succeeded.
	 * @see FileField#deleteOnReplace()
	 */
	boolean deleteOnReplace() default false;

	/**
	 * Whether the file is deleted once the model's document has been deleted.
	 * @see FileField#deleteWithModel()
	 */
	boolean deleteWithModel() default false;

}
