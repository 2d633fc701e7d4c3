package io.djongo.spring.core.gridfs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * Width and height of an image, read by the JDK's ImageIO from the image's header only: the pixels are not decoded
 * and only the bytes read so far are cached, so a large image costs no more memory than a small one.
 */
record ImageDimensions(int width, int height) {

	/**
	 * @return the dimensions, or {@code null} when no ImageIO reader recognizes the content
	 */
	static @Nullable ImageDimensions read(InputStream content) throws IOException {
		try (ImageInputStream input = new MemoryCacheImageInputStream(content)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					input.seek(0);
					reader.setInput(input, false, true);
					return new ImageDimensions(reader.getWidth(0), reader.getHeight(0));
				}
				catch (IOException | RuntimeException ex) {
					// a reader that recognized the signature but cannot parse the header: try the next one
				}
				finally {
					reader.dispose();
				}
			}
			return null;
		}
	}

}
