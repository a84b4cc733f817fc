package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The application's own properties ({@code app.*}) have their defaults in their
 * {@code @ConfigurationProperties} records only: the configuration processor's metadata
 * carries each with a default and a description, application.properties sets none of
 * them, and README's configuration table lists exactly them with the same defaults.
 */
class ConfigurationDocumentationTests {

	/** A row of README's table: the name, and the default in code, or "none" (a list). */
	private static final Pattern README_ROW = Pattern.compile("^\\| `(app\\.[a-z.-]+)` \\| (?:`([^`]*)`|none) \\|",
			Pattern.MULTILINE);

	@Test
	void describesEveryApplicationPropertyWithItsDefaultInTheMetadata() throws IOException {
		assertThat(metadataDefaults()).isNotEmpty();
		for (JsonNode property : metadata().get("properties")) {
			// Only a list may default to none (an empty one).
			if (property.get("name").asString().startsWith("app.")
					&& !property.path("type").asString().startsWith("java.util.List")) {
				assertThat(property.path("defaultValue").asString()).as(property.get("name").asString()).isNotBlank();
			}
			assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
		}
	}

	@Test
	void leavesTheApplicationsDefaultsOutOfApplicationProperties() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		assertThat(properties.stringPropertyNames()).noneMatch((name) -> name.startsWith("app."));
	}

	@Test
	void listsEveryApplicationPropertyWithItsDefaultInTheReadme() throws IOException {
		Map<String, String> documented = new TreeMap<>();
		Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			documented.put(row.group(1), (row.group(2) != null) ? row.group(2) : "");
		}
		assertThat(documented).isEqualTo(metadataDefaults());
	}

	private static Map<String, String> metadataDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("app.")) {
				defaults.put(name, property.path("defaultValue").asString());
			}
		}
		return defaults;
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
