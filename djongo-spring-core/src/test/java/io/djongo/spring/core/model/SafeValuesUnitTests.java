package io.djongo.spring.core.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeValuesUnitTests {

	@Test
	void cutsLongTextAndEscapesControlCharacters() {
		assertThat(SafeValues.describe("a\nb\u0007")).isEqualTo("\"a\\nb\\u0007\"");
		assertThat(SafeValues.describe("y".repeat(65))).isEqualTo("\"" + "y".repeat(64) + "...(65 chars)\"");
	}

	@Test
	void showsObjectsAndCollectionsByTypeAndSizeOnly() {
		assertThat(SafeValues.describe(List.of("secret"))).isEqualTo("List of 1");
		assertThat(SafeValues.describe(Map.of("k", "v"))).isEqualTo("Map of 1");
		assertThat(SafeValues.describe(new byte[3])).isEqualTo("byte[3]");
		assertThat(SafeValues.describe(new Object() {
			@Override
			public String toString() {
				return "leak";
			}
		})).doesNotContain("leak");
		assertThat(SafeValues.describe(42L)).isEqualTo("42");
		assertThat(SafeValues.describe(null)).isEqualTo("null");
	}

	@Test
	void hidesFieldsNamedLikeCredentials() {
		for (String path : List.of("password", "user.passwordHash", "apiKey", "accessToken", "blogs[0].secret", "pin")) {
			assertThat(SafeValues.describe(path, "value")).as(path).isEqualTo("[hidden]");
		}
		assertThat(SafeValues.describe("shipping", "x")).isEqualTo("\"x\"");
		assertThat(SafeValues.describe("password", null)).isEqualTo("null");
	}

	@Test
	void interpolatesBracesAndDjangoPlaceholders() {
		Map<String, Object> params = Map.of("value", "<script>", "limit", 3);
		assertThat(SafeValues.interpolate("Script injection in %(value)s, {limit} max, {other}", params, false))
			.isEqualTo("Script injection in <script>, 3 max, {other}");
		assertThat(SafeValues.interpolate("bad {value}", params, true)).isEqualTo("bad [hidden]");
		assertThat(SafeValues.interpolate("cost $1 {value}", Map.of("value", "\\$"), false)).isEqualTo("cost $1 \\$");
	}

}
