package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InvitationTests {

	private static final Instant INVITED_AT = Instant.parse("2026-11-26T01:00:00Z");

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	private static final Duration VALIDITY = Duration.ofDays(14);

	private static final long ADMIN = 1;

	private static final long WAITING_AREA = 10;

	private static final long MEETING_ROOM = 20;

	private static final RoleOffer PROVIDER = new RoleOffer(Role.SERVICE_PROVIDER, WAITING_AREA);

	private static final RoleOffer RECEPTIONIST = new RoleOffer(Role.RECEPTIONIST, WAITING_AREA);

	private static final RoleOffer MEMBER = new RoleOffer(Role.MEETING_ROOM_MEMBER, MEETING_ROOM);

	@Test
	void offersOnlyRolesNotAlreadyOffered() {
		Invitation invitation = pendingWith(PROVIDER);

		List<InvitedRole> added = invitation.offer(List.of(PROVIDER, RECEPTIONIST, RECEPTIONIST), ADMIN,
				INVITED_AT.plusSeconds(60));

		assertThat(added).extracting(InvitedRole::offer).containsExactly(RECEPTIONIST);
		assertThat(offers(invitation)).containsExactly(PROVIDER, RECEPTIONIST);
	}

	@Test
	void addsNothingWhenEveryRoleIsAlreadyOffered() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);

		assertThat(invitation.offer(List.of(MEMBER, PROVIDER), ADMIN, INVITED_AT.plusSeconds(60))).isEmpty();
		assertThat(offers(invitation)).containsExactly(PROVIDER, MEMBER);
	}

	@Test
	void allowsTheFirstReminderAtOnce() {
		Invitation invitation = pendingWith(PROVIDER);

		invitation.remind(INVITED_AT, INTERVAL);

		assertThat(invitation.getRemindersSent()).isEqualTo(1);
		assertThat(invitation.getLastSentAt()).isEqualTo(INVITED_AT);
	}

	@Test
	void refusesAReminderWithinTheIntervalAndSaysWhenTheNextIsPossible() {
		Invitation invitation = pendingWith(PROVIDER);
		Instant reminded = INVITED_AT.plus(Duration.ofHours(1));
		invitation.remind(reminded, INTERVAL);

		assertThatExceptionOfType(ReminderTooSoonException.class)
			.isThrownBy(() -> invitation.remind(reminded.plus(INTERVAL).minusSeconds(1), INTERVAL))
			.satisfies((refusal) -> assertThat(refusal.nextPossibleAt()).isEqualTo(reminded.plus(INTERVAL)));
		assertThat(invitation.getRemindersSent()).isEqualTo(1);
		assertThat(invitation.getLastSentAt()).isEqualTo(reminded);
	}

	@Test
	void allowsAReminderOnceTheIntervalHasPassed() {
		Invitation invitation = pendingWith(PROVIDER);
		Instant reminded = INVITED_AT.plus(Duration.ofHours(1));
		invitation.remind(reminded, INTERVAL);

		invitation.remind(reminded.plus(INTERVAL), INTERVAL);

		assertThat(invitation.getRemindersSent()).isEqualTo(2);
		assertThat(invitation.nextReminderAt(INTERVAL)).isEqualTo(reminded.plus(INTERVAL).plus(INTERVAL));
	}

	@Test
	void removesOnlySelectedRolesThatThePredicateAllows() {
		Invitation invitation = pendingWith(PROVIDER, RECEPTIONIST, MEMBER);
		List<Long> ids = numberRoles(invitation);

		List<InvitedRole> removed = invitation.removeRoles(Set.of(ids.get(0), ids.get(2)),
				(role) -> role.getAreaId() == WAITING_AREA, INVITED_AT.plusSeconds(60));

		assertThat(removed).extracting(InvitedRole::offer).containsExactly(PROVIDER);
		assertThat(offers(invitation)).containsExactly(RECEPTIONIST, MEMBER);
		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
	}

	@Test
	void staysPendingWhenNoSelectedRoleIsAllowed() {
		Invitation invitation = pendingWith(MEMBER);
		List<Long> ids = numberRoles(invitation);

		assertThat(invitation.removeRoles(Set.copyOf(ids), (role) -> false, INVITED_AT.plusSeconds(60))).isEmpty();
		assertThat(invitation.isPending()).isTrue();
		assertThat(offers(invitation)).containsExactly(MEMBER);
	}

	@Test
	void cancelsInvitationWhenLastRoleIsRemoved() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		List<Long> ids = numberRoles(invitation);
		invitation.removeRoles(Set.of(ids.get(0)), (role) -> true, INVITED_AT.plusSeconds(60));

		invitation.removeRoles(Set.of(ids.get(1)), (role) -> true, INVITED_AT.plusSeconds(120));

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.CANCELLED);
		assertThat(invitation.getRoles()).isEmpty();
	}

	@Test
	void countsOnlyTheNewestLink() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.issueLink(new byte[32], INVITED_AT, VALIDITY);

		invitation.issueLink(new byte[32], INVITED_AT.plus(Duration.ofDays(1)), VALIDITY);

		assertThat(invitation.getLinkExpiresAt()).isEqualTo(INVITED_AT.plus(Duration.ofDays(1)).plus(VALIDITY));
	}

	@Test
	void refusesEveryChangeOnceCancelled() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.removeRoles(Set.copyOf(numberRoles(invitation)), (role) -> true, INVITED_AT.plusSeconds(60));

		assertRefusesEveryChange(invitation, InvitationStatus.CANCELLED);
	}

	@Test
	void refusesEveryChangeOnceAccepted() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.issueLink(new byte[32], INVITED_AT, VALIDITY);
		invitation.accept(invitation.currentLink(), INVITED_AT.plusSeconds(60));

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
		assertRefusesEveryChange(invitation, InvitationStatus.ACCEPTED);
	}

	private static void assertRefusesEveryChange(Invitation invitation, InvitationStatus status) {
		Instant later = INVITED_AT.plus(Duration.ofDays(1));
		List<Executable> changes = List.of(() -> invitation.offer(List.of(RECEPTIONIST), ADMIN, later),
				() -> invitation.remind(later, INTERVAL), () -> invitation.markSent(later),
				() -> invitation.issueLink(new byte[32], later, VALIDITY),
				() -> invitation.removeRoles(Set.of(1L), (role) -> true, later), () -> invitation.accept(null, later));
		for (Executable change : changes) {
			assertThatExceptionOfType(InvitationEndedException.class).isThrownBy(change::execute)
				.satisfies((refusal) -> assertThat(refusal.status()).isEqualTo(status));
		}
		assertThat(invitation.getStatus()).isEqualTo(status);
		assertThat(invitation.getRemindersSent()).isZero();
		assertThat(invitation.getRoles()).extracting(InvitedRole::offer).doesNotContain(RECEPTIONIST);
	}

	private static Invitation pendingWith(RoleOffer... offers) {
		Invitation invitation = new Invitation(42, ADMIN, INVITED_AT);
		invitation.offer(List.of(offers), ADMIN, INVITED_AT);
		return invitation;
	}

	private static List<RoleOffer> offers(Invitation invitation) {
		return invitation.getRoles().stream().map(InvitedRole::offer).toList();
	}

	/**
	 * Gives the roles the ids the database would (1, 2, ...), which removing roles refers
	 * to.
	 */
	private static List<Long> numberRoles(Invitation invitation) {
		List<InvitedRole> roles = invitation.getRoles();
		try {
			Field id = InvitedRole.class.getDeclaredField("id");
			id.setAccessible(true);
			for (int i = 0; i < roles.size(); i++) {
				id.set(roles.get(i), (long) i + 1);
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		return roles.stream().map(InvitedRole::getId).toList();
	}

}
