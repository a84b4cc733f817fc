package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.people.StatusFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * All visible text comes from messages.properties: templates hold no literal text outside
 * placeholders that Thymeleaf replaces, and every message key that templates and code use
 * exists.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	/** Attributes whose text a person sees or hears; they need their th: form. */
	private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value",
			"label", "content");

	/** A literal key in a message expression: #{key} or #{key(arguments)}. */
	private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

	/** A literal key given to #messages: #messages.msg('key') and friends. */
	private static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg\\w*\\(\\s*'([^']+)'");

	private static Properties messages;

	@BeforeAll
	static void loadMessages() throws IOException {
		messages = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
	}

	@Test
	void findsTheTemplatesAndMessages() throws IOException {
		assertThat(templates()).hasSizeGreaterThan(10);
		assertThat(messages).containsKey("users.title");
	}

	@Test
	void templatesShowNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "");
			for (Element element : document.getAllElements()) {
				if (!element.ownText().isBlank() && !replacesItsText(element)) {
					literals.add(name(template) + ": <" + element.tagName() + "> " + element.ownText().strip());
				}
				element.attributes()
					.asList()
					.stream()
					.filter((attribute) -> TEXT_ATTRIBUTES.contains(attribute.getKey()))
					.filter((attribute) -> !element.tagName().equals("meta") || !attribute.getKey().equals("content"))
					.filter((attribute) -> !attribute.getValue().isBlank())
					.filter((attribute) -> !(element.tagName().equals("option") && attribute.getKey().equals("value")))
					.forEach((attribute) -> literals.add(name(template) + ": <" + element.tagName() + " "
							+ attribute.getKey() + "=\"" + attribute.getValue() + "\">"));
			}
		}
		assertThat(literals).as("literal text in templates; use #{…} keys").isEmpty();
	}

	@Test
	void templatesUseOnlyMessageKeysThatExist() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path template : templates()) {
			String source = Files.readString(template);
			keys.addAll(matches(MESSAGE_EXPRESSION, source));
			keys.addAll(matches(MESSAGES_CALL, source));
		}
		assertThat(keys).as("keys referenced by templates").contains("users.title", "area.noParent");
		assertThat(missing(keys)).as("keys missing from messages.properties").isEmpty();
	}

	@Test
	void everyEnumShownOnAPageHasItsLabels() {
		Set<String> keys = new TreeSet<>();
		for (Role role : Role.values()) {
			keys.add(role.labelCode());
		}
		for (AccountStatus status : AccountStatus.values()) {
			keys.add("status." + status.name());
		}
		for (StatusFilter filter : StatusFilter.values()) {
			keys.add("users.filter." + filter.name());
		}
		for (AreaKind kind : AreaKind.values()) {
			for (String suffix : List.of("plural", "search", "parent")) {
				keys.add("area." + kind.name() + "." + suffix);
			}
		}
		assertThat(missing(keys)).as("keys missing from messages.properties").isEmpty();
	}

	/**
	 * Every string literal in the code that starts like a message key (with the first
	 * segment of any key in messages.properties, e.g. "invitation.") must be a key.
	 */
	@Test
	void codeUsesOnlyMessageKeysThatExist() throws IOException {
		Set<String> prefixes = new TreeSet<>();
		messages.stringPropertyNames()
			.forEach((key) -> prefixes.add(Pattern.quote(key.substring(0, key.indexOf('.')))));
		Pattern javaKey = Pattern.compile("\"((?:" + String.join("|", prefixes) + ")\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				keys.addAll(matches(javaKey, Files.readString(file)));
			}
		}
		assertThat(keys).as("keys found in code").contains("invited.justNow", "area.manageUsers");
		assertThat(missing(keys)).as("keys missing from messages.properties").isEmpty();
	}

	/**
	 * Thymeleaf replaces the text of an element with th:text or th:utext, and the whole
	 * of an element with th:replace or th:insert (except the page's html element, which
	 * only wraps the page into the layout), and with it what the element contains.
	 */
	private static boolean replacesItsText(Element element) {
		for (Element candidate = element; candidate != null; candidate = candidate.parent()) {
			if (candidate.hasAttr("th:text") || candidate.hasAttr("th:utext") || candidate.hasAttr("th:errors")) {
				return true;
			}
			if ((candidate.hasAttr("th:replace") || candidate.hasAttr("th:insert"))
					&& !candidate.tagName().equals("html")) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> missing(Set<String> keys) {
		Set<String> missing = new TreeSet<>(keys);
		missing.removeIf(messages::containsKey);
		return missing;
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((path) -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static String name(Path template) {
		return TEMPLATES.relativize(template).toString();
	}

}
