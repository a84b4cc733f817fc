package com.videocall.admin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.web.Authorities;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Which role fits which kind of area, and which roles give administrator rights, is
 * defined once for Java ({@link Role}) and once for the database (table
 * {@code role_kind}, V7); these tests keep the two equal and show the database and
 * sign-in use it.
 */
@IntegrationTest
class RoleKindIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void holdsExactlyTheRolesOfTheJavaEnum() {
		List<String> database = this.jdbc.sql("select role, area_kind, administrator from role_kind")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3))
			.list();
		List<String> java = Arrays.stream(Role.values())
			.map((role) -> role.name() + " " + role.areaKind().name() + " " + role.isAdministrator())
			.toList();
		assertThat(database).containsExactlyInAnyOrderElementsOf(java);
	}

	@Test
	void grantsEveryRoleOnlyInAnAreaOfItsKind() {
		Clinic clinic = this.organisation.clinic();
		long person = this.organisation.person("Role Kind " + clinic.tag(), clinic.email("kinds"));
		Map<AreaKind, Long> areas = Map.of(AreaKind.ORGANISATIONAL_UNIT, clinic.unit(), AreaKind.WAITING_AREA,
				clinic.waitingArea(), AreaKind.MEETING_ROOM, clinic.meetingRoom());
		for (Role role : Role.values()) {
			for (AreaKind kind : AreaKind.values()) {
				if (kind == role.areaKind()) {
					assertThat(grant(person, role, kind, areas.get(kind))).as(role + " in " + kind).isEqualTo(1);
				}
				else {
					assertThatThrownBy(() -> grant(person, role, kind, areas.get(kind))).as(role + " in " + kind)
						.isInstanceOf(DataIntegrityViolationException.class);
				}
			}
		}
	}

	@Test
	void givesAdministratorRightsAtSignInExactlyForAdministratorRoles() {
		for (Role role : Role.values()) {
			Clinic clinic = this.organisation.clinic();
			String email = clinic.email("holder");
			long person = this.organisation.person("Holder " + clinic.tag(), email);
			long area = (role.areaKind() == AreaKind.ORGANISATIONAL_UNIT) ? clinic.unit()
					: (role.areaKind() == AreaKind.WAITING_AREA) ? clinic.waitingArea() : clinic.meetingRoom();
			this.organisation.grant(person, role, area);

			List<String> authorities = this.userDetails.loadUserByUsername(email)
				.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList();

			assertThat(authorities.contains(Authorities.ADMINISTRATOR)).as(role.name())
				.isEqualTo(role.isAdministrator());
		}
	}

	private int grant(long accountId, Role role, AreaKind kind, long areaId) {
		return this.jdbc
			.sql("insert into role_grant (account_id, role, area_id, area_kind, granted_at) values (?, ?, ?, ?, ?)")
			.params(accountId, role.name(), areaId, kind.name(), Timestamp.from(Instant.now()))
			.update();
	}

}
