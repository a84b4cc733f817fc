package com.videocall.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(VideoCallAdminApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
		modules.verify();
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
