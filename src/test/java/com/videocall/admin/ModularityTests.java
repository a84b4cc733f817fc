package com.videocall.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.videocall.admin.web.AccountPrincipal;
import com.videocall.admin.web.AppProperties;
import com.videocall.admin.web.Authorities;
import com.videocall.admin.web.RelativeTime;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SignInEvents;
import com.videocall.admin.web.SignInProperties;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(VideoCallAdminApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
		modules.verify();
	}

	/**
	 * {@code web} is the shell pages share, not a shared kernel: domain code (outside the
	 * modules' {@code web} packages) neither throws its errors nor uses its paging or
	 * request state; a module names its own missing records and keeps its own search
	 * rules. What domain code still takes from {@code web} is listed here: the base URL
	 * and time zone, times as text for emails, the authority names and settings of
	 * sign-in, the security log (only the domain code knows that a record it answers "not
	 * found" exists outside the administrator's scope, X1, and that line must be one of
	 * the security log's, rate-limited), the id the shell reads from a signed-in account
	 * (the account module's principal implements it) and the events the shell publishes
	 * when someone signs in (the shell's security filters are where sign-in ends; the
	 * activity trail records them).
	 */
	@Test
	void keepsDomainCodeOutOfTheWebShell() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat(resideInAPackage("com.videocall.admin.web")
				.and(not(belongToAnyOf(AppProperties.class, RelativeTime.class, Authorities.class,
						SignInProperties.class, SecurityLog.class, AccountPrincipal.class, SignInEvents.class,
						SignInEvents.SignedIn.class, SignInEvents.SignInRefused.class))))
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.videocall.admin"));
	}

	/**
	 * No module holds more than a third of the main code (decision 13): a capability that
	 * grows past that is split before it swallows its neighbours.
	 */
	@Test
	void keepsEachModuleUnderAThirdOfTheMainCode() throws IOException {
		Path main = Path.of("src/main/java/com/videocall/admin");
		Map<String, Long> lines = new TreeMap<>();
		for (ApplicationModule module : modules) {
			lines.put(module.getIdentifier().toString(), linesOfJava(main.resolve(module.getIdentifier().toString())));
		}
		long all = linesOfJava(main);
		assertThat(lines).as("lines of main code per module, of %d", all)
			.isNotEmpty()
			.allSatisfy((name, count) -> assertThat(count).as(name).isPositive().isLessThanOrEqualTo(all / 3));
	}

	private static long linesOfJava(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			long count = 0;
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				count += Files.readAllLines(file).size();
			}
			return count;
		}
	}

	/**
	 * The module diagram in docs/ is the one Spring Modulith draws from the code: when
	 * the dependencies change, copy target/spring-modulith-docs/components.puml to
	 * docs/modules.puml.
	 */
	@Test
	void documentsTheModulesAsTheyAre() throws IOException {
		new Documenter(modules).writeModulesAsPlantUml();

		List<String> drawn = Files.readAllLines(Path.of("target/spring-modulith-docs/components.puml"));
		assertThat(drawn).as("docs/modules.puml is out of date: copy target/spring-modulith-docs/components.puml")
			.containsExactlyInAnyOrderElementsOf(Files.readAllLines(Path.of("docs/modules.puml")));
	}

}
