package io.djongo.spring.samples.blog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.djongo.spring.core.gridfs.GridFsStorage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The avatar upload (multipart) and download endpoints over HTTP, on GridFS.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthorAvatarHttpIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("avatars")
	GridFsStorage avatars;

	@Test
	void uploadsAnAvatarAndDownloadsItWithContentTypeAndLength() throws Exception {
		String author = createAuthor("Ada");
		byte[] png = png(16, 8);

		HttpResponse<String> uploaded = upload(author + "/avatar", "me.png", "image/png", png);
		assertThat(uploaded.statusCode()).isEqualTo(200);
		assertThat(uploaded.body()).contains("\"width\":16", "\"height\":8", "\"contentType\":\"image/png\"",
				"\"size\":" + png.length);
		assertThat(uploaded.body()).doesNotContain("resource", "inputStream");
		assertThat(avatarName(uploaded.body())).matches("avatars/me(_[A-Za-z0-9]{7})?\\.png");

		HttpResponse<byte[]> download = getBytes(author + "/avatar", null);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
		assertThat(download.headers().firstValue("Last-Modified")).isPresent();
		assertThat(download.body()).isEqualTo(png);
	}

	@Test
	void servesByteRangesOfAnAvatar() throws Exception {
		String author = createAuthor("Ranger");
		byte[] png = png(20, 20);
		upload(author + "/avatar", "range.png", "image/png", png);

		HttpResponse<byte[]> partial = getBytes(author + "/avatar", "bytes=0-9");

		assertThat(partial.statusCode()).isEqualTo(206);
		assertThat(partial.body()).isEqualTo(Arrays.copyOf(png, 10));
	}

	@Test
	void resourceHandlerServesStoredFilesUnderMedia() throws Exception {
		String author = createAuthor("Media");
		byte[] png = png(3, 3);
		String name = avatarName(upload(author + "/avatar", "media.png", "image/png", png).body());

		HttpResponse<byte[]> served = getBytes("/media/" + name, null);

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
		assertThat(served.body()).isEqualTo(png);
		assertThat(getBytes("/media/avatars/none.png", null).statusCode()).isEqualTo(404);
		assertThat(getBytes("/media/../../etc/passwd", null).statusCode()).isIn(400, 404);
	}

	@Test
	void rejectsAnAvatarThatIsNoImage() throws Exception {
		String author = createAuthor("Faker");

		HttpResponse<String> response = upload(author + "/avatar", "fake.png", "image/png",
				"no image here".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Author.avatar").contains("not an image");
		assertThat(getBytes(author + "/avatar", null).statusCode()).isEqualTo(404);
	}

	@Test
	void aNewAvatarReplacesTheOldFileAndDeletingTheAuthorDeletesIt() throws Exception {
		String author = createAuthor("Replacer");
		String first = avatarName(upload(author + "/avatar", "one.png", "image/png", png(5, 5)).body());
		String second = avatarName(upload(author + "/avatar", "two.png", "image/png", png(6, 6)).body());

		assertThat(this.avatars.exists(first)).isFalse();
		assertThat(this.avatars.exists(second)).isTrue();

		HttpResponse<String> deleted = this.http.send(HttpRequest.newBuilder(uri(author)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.avatars.exists(second)).isFalse();
	}

	private String createAuthor(String name) throws IOException, InterruptedException {
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(uri("/api/authors"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return created.headers().firstValue("Location").orElseThrow();
	}

	private HttpResponse<String> upload(String path, String filename, String contentType, byte[] content)
			throws IOException, InterruptedException {
		String boundary = UUID.randomUUID().toString();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> getBytes(String path, String range) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (range != null) {
			request.header("Range", range);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String avatarName(String json) {
		Matcher name = Pattern.compile("\"name\":\"(avatars/[^\"]+)\"").matcher(json);
		assertThat(name.find()).as(json).isTrue();
		return name.group(1);
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(0, 0, 0xFF336699);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
