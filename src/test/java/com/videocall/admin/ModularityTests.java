package com.videocall.admin;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
		ApplicationModules.of(VideoCallAdminApplication.class).verify();
	}

}
