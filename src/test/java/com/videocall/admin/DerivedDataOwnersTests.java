package com.videocall.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.videocall.admin.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One definition per rule for derived data (docs/derived-data.md): every function,
 * trigger and view of the schema has its current definition in a repeatable migration
 * ({@code src/main/resources/db/migration/R__*.sql}), whose first line
 * {@code -- Owner: <module>.} names the application module that owns it, and no object is
 * defined twice. So a change to one is made by editing its owner's file, which Flyway
 * runs again and which recomputes its data, never by a versioned migration that would
 * leave the older definition readable as if it were current; and an object left out of
 * those files (created by a versioned migration, or by hand) fails here by name.
 */
@IntegrationTest
class DerivedDataOwnersTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern OWNER = Pattern.compile("-- Owner: ([a-z][a-z0-9_]*)\\.");

	/** {@code create [or replace] function|view <name>}. */
	private static final Pattern FUNCTION_OR_VIEW = Pattern
		.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?(function|view)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	/**
	 * {@code create [or replace] [constraint] trigger}, its name, and the table after the
	 * next {@code on}: a trigger is known by its name and its table, since several tables
	 * may have a trigger of the same name.
	 */
	private static final Pattern TRIGGER = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\s+(\\w+)\\s.*?\\bon\\s+(\\w+)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

	private static final Set<String> MODULES = ApplicationModules.of(VideoCallAdminApplication.class)
		.stream()
		.map((module) -> module.getIdentifier().toString())
		.collect(Collectors.toCollection(TreeSet::new));

	@Autowired
	JdbcClient jdbc;

	@Test
	void definesEveryFunctionTriggerAndViewInTheRepeatableMigrationOfItsOwner() throws IOException {
		Map<String, List<Path>> definitions = definitions();
		List<String> problems = new ArrayList<>();
		for (String object : schemaObjects()) {
			List<Path> files = definitions.getOrDefault(object, List.of());
			if (files.isEmpty()) {
				problems.add(object + " is defined in no R__*.sql file");
			}
			for (Path file : files) {
				String owner = owner(file);
				if (!MODULES.contains(owner)) {
					problems.add(object + " is defined in " + file.getFileName() + ", whose first line names "
							+ ((owner != null) ? "the owner " + owner + ", not a module " + MODULES : "no owner"));
				}
			}
		}
		assertThat(problems).as("functions, triggers and views without an owning repeatable migration").isEmpty();
	}

	@Test
	void namesAModuleAsTheOwnerOfEveryRepeatableMigration() throws IOException {
		List<Path> files = repeatableMigrations();
		assertThat(files).isNotEmpty();
		List<String> unowned = new ArrayList<>();
		for (Path file : files) {
			if (!MODULES.contains(owner(file))) {
				unowned.add(file.getFileName().toString());
			}
		}
		assertThat(unowned)
			.as("repeatable migrations whose first line is not \"-- Owner: <module>.\" naming one of " + MODULES)
			.isEmpty();
	}

	@Test
	void definesEachObjectOnce() throws IOException {
		Map<String, List<String>> twice = new TreeMap<>();
		definitions().forEach((object, files) -> {
			if (files.size() > 1) {
				twice.put(object, files.stream().map((file) -> file.getFileName().toString()).toList());
			}
		});
		assertThat(twice).as("objects defined more than once in the repeatable migrations").isEmpty();
	}

	/**
	 * The schema's functions (those of its extensions left out), triggers (those the
	 * database makes for constraints left out) and views, each as "function name",
	 * "trigger name on table" or "view name".
	 */
	private List<String> schemaObjects() {
		return this.jdbc
			.sql("""
					select 'function ' || p.proname from pg_proc p
					where p.pronamespace = 'video_call_admin'::regnamespace
					  and not exists (select 1 from pg_depend d
					                  where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
					union
					select 'trigger ' || t.tgname || ' on ' || c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
					where not t.tgisinternal and c.relnamespace = 'video_call_admin'::regnamespace
					union
					select 'view ' || c.relname from pg_class c
					where c.relkind in ('v', 'm') and c.relnamespace = 'video_call_admin'::regnamespace
					  and not exists (select 1 from pg_depend d
					                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
					order by 1
					""")
			.query(String.class)
			.list();
	}

	/**
	 * Where each object is defined: the repeatable migrations that create it, once per
	 * {@code create}, names in lower case as PostgreSQL folds them.
	 */
	private static Map<String, List<Path>> definitions() throws IOException {
		Map<String, List<Path>> definitions = new TreeMap<>();
		for (Path file : repeatableMigrations()) {
			String sql = LINE_COMMENT.matcher(Files.readString(file)).replaceAll("");
			Matcher functionOrView = FUNCTION_OR_VIEW.matcher(sql);
			while (functionOrView.find()) {
				String object = functionOrView.group(1) + " " + functionOrView.group(2);
				definitions.computeIfAbsent(object.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>()).add(file);
			}
			Matcher trigger = TRIGGER.matcher(sql);
			while (trigger.find()) {
				String object = "trigger " + trigger.group(1) + " on " + trigger.group(2);
				definitions.computeIfAbsent(object.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>()).add(file);
			}
		}
		return definitions;
	}

	private static List<Path> repeatableMigrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter((file) -> file.getFileName().toString().matches("R__.+\\.sql")).sorted().toList();
		}
	}

	/** The module the file's first line names ({@code -- Owner: <module>.}), or null. */
	private static String owner(Path file) throws IOException {
		String first = Files.readAllLines(file).stream().findFirst().orElse("");
		Matcher owner = OWNER.matcher(first);
		return owner.lookingAt() ? owner.group(1) : null;
	}

}
