package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationEvent.InvitationAccepted;
import com.videocall.admin.invitation.InvitationEvent.InvitationCancelled;
import com.videocall.admin.invitation.InvitationEvent.InvitationDeclined;
import com.videocall.admin.invitation.InvitationEvent.InvitationSent;
import com.videocall.admin.invitation.InvitationEvent.NewLinkRequested;
import com.videocall.admin.invitation.InvitationEvent.ReminderSent;
import com.videocall.admin.invitation.InvitationEvent.RolesOffered;
import com.videocall.admin.invitation.InvitationEvent.RemovalUndone;
import com.videocall.admin.invitation.InvitationEvent.RolesChanged;
import com.videocall.admin.invitation.InvitationEvent.RolesRemoved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InvitationTests {

	private static final Instant INVITED_AT = Instant.parse("2026-11-26T01:00:00Z");

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	private static final Duration VALIDITY = Duration.ofDays(14);

	private static final long ID = 7;

	private static final long INVITEE = 42;

	private static final Actor ADMIN = new Actor(1, "Ada Admin", "Users");

	private static final long WAITING_AREA = 10;

	private static final long MEETING_ROOM = 20;

	private static final RoleOffer PROVIDER = new RoleOffer(Role.SERVICE_PROVIDER, WAITING_AREA);

	private static final RoleOffer RECEPTIONIST = new RoleOffer(Role.RECEPTIONIST, WAITING_AREA);

	private static final RoleOffer MEMBER = new RoleOffer(Role.MEETING_ROOM_MEMBER, MEETING_ROOM);

	private final InvitationTokens tokens = new InvitationTokens(VALIDITY);

	@Test
	void issuesTheFirstLinkWithTheInvitationAndAnnouncesIt() {
		Invitation invitation = Invitation.invite(ID, INVITEE, ADMIN, List.of(PROVIDER, MEMBER, PROVIDER), "Welcome",
				this.tokens, INVITED_AT);

		assertThat(offers(invitation)).containsExactly(PROVIDER, MEMBER);
		assertThat(invitation.getLinkExpiresAt()).isEqualTo(INVITED_AT.plus(VALIDITY));
		assertThat(invitation.isNew()).isTrue();
		InvitationSent sent = (InvitationSent) single(invitation);
		assertThat(sent)
			.extracting(InvitationSent::invitationId, InvitationSent::accountId, InvitationSent::by, InvitationSent::at,
					InvitationSent::offered, InvitationSent::customMessage)
			.containsExactly(ID, INVITEE, ADMIN, INVITED_AT, List.of(PROVIDER, MEMBER), "Welcome");
		assertThat(statusOfToken(invitation, sent.link().token())).isEqualTo(LinkStatus.VALID);
	}

	@Test
	void refusesAnInvitationWithoutRoles() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Invitation.invite(ID, INVITEE, ADMIN, List.of(), null, this.tokens, INVITED_AT));
	}

	@Test
	void offersOnlyRolesNotAlreadyOffered() {
		Invitation invitation = pendingWith(PROVIDER);
		Instant later = INVITED_AT.plusSeconds(60);

		List<RoleOffer> added = invitation.offer(ADMIN, List.of(PROVIDER, RECEPTIONIST, RECEPTIONIST), "More",
				this.tokens, later);

		assertThat(added).containsExactly(RECEPTIONIST);
		assertThat(offers(invitation)).containsExactly(PROVIDER, RECEPTIONIST);
		RolesOffered offered = (RolesOffered) single(invitation);
		assertThat(offered.added()).containsExactly(RECEPTIONIST);
		assertThat(offered.offered()).containsExactly(PROVIDER, RECEPTIONIST);
		assertThat(offered.customMessage()).isEqualTo("More");
		assertThat(statusOfToken(invitation, offered.link().token())).isEqualTo(LinkStatus.VALID);
		assertThat(invitation.getLastSentAt()).isEqualTo(later);
	}

	@Test
	void addsNothingWhenEveryRoleIsAlreadyOffered() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		Instant expiresAt = invitation.getLinkExpiresAt();

		assertThat(invitation.offer(ADMIN, List.of(MEMBER, PROVIDER), null, this.tokens, INVITED_AT.plusSeconds(60)))
			.isEmpty();
		assertThat(offers(invitation)).containsExactly(PROVIDER, MEMBER);
		assertThat(invitation.events()).isEmpty();
		assertThat(invitation.getLinkExpiresAt()).as("no new link").isEqualTo(expiresAt);
	}

	@Test
	void allowsTheFirstReminderAtOnce() {
		Invitation invitation = pendingWith(PROVIDER);

		invitation.remind(ADMIN, Set.of(WAITING_AREA), INTERVAL, this.tokens, INVITED_AT);

		assertThat(invitation.getRemindersSent()).isEqualTo(1);
		assertThat(invitation.getLastSentAt()).isEqualTo(INVITED_AT);
	}

	@Test
	void remindsWithAFreshLinkThatReplacesTheEarlierOne() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		InvitationLink first = invitation.currentLink();
		Instant reminded = INVITED_AT.plus(Duration.ofDays(1));

		invitation.remind(ADMIN, Set.of(WAITING_AREA), INTERVAL, this.tokens, reminded);

		ReminderSent reminder = (ReminderSent) single(invitation);
		assertThat(reminder)
			.extracting(ReminderSent::invitationId, ReminderSent::accountId, ReminderSent::by, ReminderSent::at,
					ReminderSent::forAreas, ReminderSent::offered)
			.containsExactly(ID, INVITEE, ADMIN, reminded, Set.of(WAITING_AREA), List.of(PROVIDER, MEMBER));
		assertThat(reminder.link().expiresAt()).isEqualTo(reminded.plus(VALIDITY));
		assertThat(statusOfToken(invitation, reminder.link().token())).isEqualTo(LinkStatus.VALID);
		assertThat(invitation.statusOf(first, reminded)).isEqualTo(LinkStatus.REPLACED);
	}

	@Test
	void refusesAReminderWithinTheIntervalAndSaysWhenTheNextIsPossible() {
		Invitation invitation = pendingWith(PROVIDER);
		Instant reminded = INVITED_AT.plus(Duration.ofHours(1));
		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, reminded);
		invitation.clearEvents();
		Instant expiresAt = invitation.getLinkExpiresAt();

		assertThatExceptionOfType(ReminderTooSoonException.class)
			.isThrownBy(() -> invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens,
					reminded.plus(INTERVAL).minusSeconds(1)))
			.satisfies((refusal) -> assertThat(refusal.nextPossibleAt()).isEqualTo(reminded.plus(INTERVAL)));
		assertThat(invitation.getRemindersSent()).isEqualTo(1);
		assertThat(invitation.getLastSentAt()).isEqualTo(reminded);
		assertThat(invitation.getLinkExpiresAt()).as("no new link").isEqualTo(expiresAt);
		assertThat(invitation.events()).isEmpty();
	}

	@Test
	void allowsAReminderOnceTheIntervalHasPassed() {
		Invitation invitation = pendingWith(PROVIDER);
		Instant reminded = INVITED_AT.plus(Duration.ofHours(1));
		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, reminded);

		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, reminded.plus(INTERVAL));

		assertThat(invitation.getRemindersSent()).isEqualTo(2);
		assertThat(invitation.nextReminderAt(INTERVAL)).isEqualTo(reminded.plus(INTERVAL).plus(INTERVAL));
	}

	@Test
	void removesOnlyTheNamedRolesItOffers() {
		Invitation invitation = pendingWith(PROVIDER, RECEPTIONIST, MEMBER);
		RoleOffer elsewhere = new RoleOffer(Role.SERVICE_PROVIDER, WAITING_AREA + 1);
		Instant removedAt = INVITED_AT.plusSeconds(60);

		List<RoleOffer> removed = invitation.removeRoles(ADMIN, Set.of(PROVIDER, elsewhere), removedAt);

		assertThat(removed).containsExactly(PROVIDER);
		assertThat(offers(invitation)).containsExactly(RECEPTIONIST, MEMBER);
		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
		assertThat(invitation.events())
			.containsExactly(new RolesRemoved(ID, INVITEE, ADMIN, removedAt, List.of(PROVIDER)));
	}

	@Test
	void staysPendingWhenNoNamedRoleIsOffered() {
		Invitation invitation = pendingWith(MEMBER);

		assertThat(invitation.removeRoles(ADMIN, Set.of(PROVIDER), INVITED_AT.plusSeconds(60))).isEmpty();
		assertThat(invitation.isPending()).isTrue();
		assertThat(offers(invitation)).containsExactly(MEMBER);
		assertThat(invitation.events()).isEmpty();
	}

	@Test
	void cancelsInvitationWhenLastRoleIsRemoved() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		invitation.removeRoles(ADMIN, Set.of(PROVIDER), INVITED_AT.plusSeconds(60));
		invitation.clearEvents();
		Instant cancelledAt = INVITED_AT.plusSeconds(120);

		invitation.removeRoles(ADMIN, Set.of(MEMBER), cancelledAt);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.CANCELLED);
		assertThat(invitation.getRoles()).isEmpty();
		assertThat(invitation.events()).containsExactly(
				new RolesRemoved(ID, INVITEE, ADMIN, cancelledAt, List.of(MEMBER)),
				new InvitationCancelled(ID, INVITEE, ADMIN, cancelledAt, List.of(MEMBER)));
	}

	@Test
	void restoresACancelledInvitationWithItsRolesAsOfferedAndItsNewestLink() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		List<RemovedRole> removed = invitation.getRoles().stream().map(RemovedRole::of).toList();
		invitation.removeRoles(ADMIN, Set.of(PROVIDER, MEMBER), INVITED_AT.plusSeconds(60));
		invitation.clearEvents();
		Actor other = new Actor(2, "Other Admin", null);
		Instant undoneAt = INVITED_AT.plusSeconds(120);

		invitation.restore(other, removed, invitation.getVersion(), undoneAt);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
		assertThat(invitation.getRoles())
			.extracting(InvitedRole::offer, InvitedRole::getInvitedBy, InvitedRole::getInvitedAt)
			.containsExactly(tuple(PROVIDER, ADMIN.accountId(), INVITED_AT),
					tuple(MEMBER, ADMIN.accountId(), INVITED_AT));
		assertThat(invitation.statusOf(invitation.currentLink(), undoneAt)).isEqualTo(LinkStatus.VALID);
		assertThat(invitation.events())
			.containsExactly(new RemovalUndone(ID, INVITEE, other, undoneAt, List.of(PROVIDER, MEMBER)));
	}

	@Test
	void refusesToRestoreOnceChangedOrAccepted() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		List<RemovedRole> removed = invitation.getRoles()
			.stream()
			.filter((role) -> role.offer().equals(MEMBER))
			.map(RemovedRole::of)
			.toList();
		invitation.removeRoles(ADMIN, Set.of(MEMBER), INVITED_AT.plusSeconds(60));
		invitation.clearEvents();
		Instant later = INVITED_AT.plusSeconds(120);

		assertThatExceptionOfType(UndoRefusedException.class)
			.isThrownBy(() -> invitation.restore(ADMIN, removed, invitation.getVersion() + 1, later))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(UndoRefusedException.Reason.CHANGED));
		invitation.accept(invitation.currentLink(), later);
		invitation.clearEvents();
		assertThatExceptionOfType(UndoRefusedException.class)
			.isThrownBy(() -> invitation.restore(ADMIN, removed, invitation.getVersion(), later))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(UndoRefusedException.Reason.ACCEPTED));
		assertThat(invitation.getRoles()).extracting(InvitedRole::offer).containsExactly(PROVIDER);
		assertThat(invitation.events()).isEmpty();
	}

	@Test
	void countsOnlyTheNewestLink() {
		Invitation invitation = pendingWith(PROVIDER);
		InvitationLink first = invitation.currentLink();
		Instant reminded = INVITED_AT.plus(Duration.ofDays(1));

		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, reminded);

		assertThat(invitation.getLinkExpiresAt()).isEqualTo(reminded.plus(VALIDITY));
		assertThat(invitation.statusOf(first, reminded)).isEqualTo(LinkStatus.REPLACED);
		assertThat(invitation.statusOf(invitation.currentLink(), reminded)).isEqualTo(LinkStatus.VALID);
	}

	@Test
	void acceptsTheValidLinkAndAnnouncesTheRolesTaken() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		Instant acceptedAt = INVITED_AT.plusSeconds(60);

		invitation.accept(invitation.currentLink(), acceptedAt);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
		assertThat(invitation.events())
			.containsExactly(new InvitationAccepted(ID, INVITEE, acceptedAt, List.of(PROVIDER, MEMBER)));
	}

	@Test
	void issuesANewLinkOnlyForTheExpiredNewestLink() {
		Invitation invitation = pendingWith(PROVIDER);
		InvitationLink expired = invitation.currentLink();
		Instant valid = INVITED_AT.plus(VALIDITY).minusSeconds(1);
		Instant requested = INVITED_AT.plus(VALIDITY);

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> invitation.requestNewLink(expired, this.tokens, valid));
		assertThat(invitation.events()).isEmpty();

		invitation.requestNewLink(expired, this.tokens, requested);

		NewLinkRequested request = (NewLinkRequested) single(invitation);
		assertThat(request)
			.extracting(NewLinkRequested::invitationId, NewLinkRequested::accountId, NewLinkRequested::invitedBy,
					NewLinkRequested::at, NewLinkRequested::offered)
			.containsExactly(ID, INVITEE, ADMIN.accountId(), requested, List.of(PROVIDER));
		assertThat(statusOfToken(invitation, request.link().token())).isEqualTo(LinkStatus.VALID);
		assertThat(invitation.statusOf(expired, requested)).isEqualTo(LinkStatus.REPLACED);
		assertThat(invitation.getLastSentAt()).isEqualTo(requested);
	}

	@Test
	void keepsTheLinkTokenOutOfTheEventsText() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, INVITED_AT);

		ReminderSent reminder = (ReminderSent) single(invitation);
		assertThat(reminder.toString()).doesNotContain(reminder.link().token());
	}

	@Test
	void changesReceptionistToServiceProviderInOneStepThatNeverCancels() {
		Invitation invitation = pendingWith(RECEPTIONIST);
		InvitationLink link = invitation.currentLink();
		Instant changedAt = INVITED_AT.plusSeconds(60);

		RolesChanged changed = invitation.changeRoles(ADMIN, List.of(PROVIDER), List.of(RECEPTIONIST), changedAt)
			.orElseThrow();

		assertThat(invitation.isPending()).isTrue();
		assertThat(offers(invitation)).containsExactly(PROVIDER);
		assertThat(single(invitation)).isEqualTo(changed);
		assertThat(changed.added()).containsExactly(PROVIDER);
		assertThat(changed.removed()).containsExactly(RECEPTIONIST);
		assertThat(changed.offered()).containsExactly(PROVIDER);
		assertThat(changed.by()).isEqualTo(ADMIN);
		assertThat(changed.at()).isEqualTo(changedAt);
		// No new link: the one emailed before keeps working, until it expires.
		assertThat(invitation.currentLink()).isSameAs(link);
		assertThat(invitation.statusOf(link, changedAt)).isEqualTo(LinkStatus.VALID);
		assertThat(changed.linkExpiresAt()).isEqualTo(link.getExpiresAt());
		assertThat(invitation.getLastSentAt()).isEqualTo(INVITED_AT);
	}

	@Test
	void addsOnlyRolesNotOfferedNorRemovedAndRemovesOnlyRolesOffered() {
		Invitation invitation = pendingWith(PROVIDER, RECEPTIONIST);
		RoleOffer notOffered = new RoleOffer(Role.SERVICE_ADMINISTRATOR, WAITING_AREA);

		RolesChanged changed = invitation
			.changeRoles(ADMIN, List.of(PROVIDER, MEMBER, MEMBER, notOffered), List.of(RECEPTIONIST, notOffered),
					INVITED_AT.plusSeconds(60))
			.orElseThrow();

		assertThat(changed.added()).containsExactly(MEMBER);
		assertThat(changed.removed()).containsExactly(RECEPTIONIST);
		assertThat(offers(invitation)).containsExactly(PROVIDER, MEMBER);
	}

	@Test
	void refusesAChangeThatWouldLeaveNoRoleAndChangesNothing() {
		Invitation invitation = pendingWith(PROVIDER, RECEPTIONIST);

		assertThatExceptionOfType(NoRoleLeftException.class).isThrownBy(() -> invitation.changeRoles(ADMIN,
				List.of(PROVIDER), List.of(PROVIDER, RECEPTIONIST), INVITED_AT.plusSeconds(60)));

		assertThat(invitation.isPending()).isTrue();
		assertThat(offers(invitation)).containsExactly(PROVIDER, RECEPTIONIST);
		assertThat(invitation.events()).isEmpty();
	}

	@Test
	void announcesNothingWhenNothingWouldChange() {
		Invitation invitation = pendingWith(PROVIDER);

		assertThat(invitation.changeRoles(ADMIN, List.of(PROVIDER), List.of(MEMBER), INVITED_AT.plusSeconds(60)))
			.isEmpty();
		assertThat(offers(invitation)).containsExactly(PROVIDER);
		assertThat(invitation.events()).isEmpty();
	}

	@Test
	void refusesEveryChangeOnceCancelled() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.removeRoles(ADMIN, Set.of(PROVIDER), INVITED_AT.plusSeconds(60));

		assertRefusesEveryChange(invitation, InvitationStatus.CANCELLED);
	}

	@Test
	void refusesEveryChangeOnceAccepted() {
		Invitation invitation = pendingWith(PROVIDER);
		invitation.accept(invitation.currentLink(), INVITED_AT.plusSeconds(60));

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
		assertRefusesEveryChange(invitation, InvitationStatus.ACCEPTED);
	}

	@Test
	void declinesFromTheNewestValidLinkOnlyAndAnnouncesTheRolesOffered() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		InvitationLink first = invitation.currentLink();
		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, INVITED_AT);
		invitation.clearEvents();
		Instant declinedAt = INVITED_AT.plusSeconds(60);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> invitation.decline(first, declinedAt));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> invitation.decline(invitation.currentLink(), INVITED_AT.plus(VALIDITY)));
		assertThat(invitation.events()).isEmpty();
		invitation.decline(invitation.currentLink(), declinedAt);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.DECLINED);
		assertThat(invitation.events())
			.containsExactly(new InvitationDeclined(ID, INVITEE, declinedAt, List.of(PROVIDER, MEMBER)));
		assertThat(invitation.statusOf(invitation.currentLink(), declinedAt)).isEqualTo(LinkStatus.DECLINED);
		assertThat(invitation.statusOf(first, declinedAt)).isEqualTo(LinkStatus.DECLINED);
	}

	@Test
	void refusesEveryChangeOnceDeclinedAndUndoToo() {
		Invitation invitation = pendingWith(PROVIDER, MEMBER);
		List<RemovedRole> removed = invitation.getRoles()
			.stream()
			.filter((role) -> role.offer().equals(MEMBER))
			.map(RemovedRole::of)
			.toList();
		invitation.removeRoles(ADMIN, Set.of(MEMBER), INVITED_AT.plusSeconds(30));
		invitation.decline(invitation.currentLink(), INVITED_AT.plusSeconds(60));

		assertRefusesEveryChange(invitation, InvitationStatus.DECLINED);
		assertThatExceptionOfType(InvitationEndedException.class)
			.isThrownBy(() -> invitation.decline(invitation.currentLink(), INVITED_AT.plusSeconds(90)));
		assertThatExceptionOfType(UndoRefusedException.class)
			.isThrownBy(() -> invitation.restore(ADMIN, removed, invitation.getVersion(), INVITED_AT.plusSeconds(90)))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(UndoRefusedException.Reason.DECLINED));
	}

	private void assertRefusesEveryChange(Invitation invitation, InvitationStatus status) {
		invitation.clearEvents();
		Instant later = INVITED_AT.plus(Duration.ofDays(1));
		List<Executable> changes = List.of(
				() -> invitation.offer(ADMIN, List.of(RECEPTIONIST), null, this.tokens, later),
				() -> invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, later),
				() -> invitation.removeRoles(ADMIN, Set.of(PROVIDER), later),
				() -> invitation.changeRoles(ADMIN, List.of(RECEPTIONIST), List.of(PROVIDER), later),
				() -> invitation.accept(null, later));
		for (Executable change : changes) {
			assertThatExceptionOfType(InvitationEndedException.class).isThrownBy(change::execute)
				.satisfies((refusal) -> assertThat(refusal.status()).isEqualTo(status));
		}
		assertThat(invitation.getStatus()).isEqualTo(status);
		assertThat(invitation.getRemindersSent()).isZero();
		assertThat(invitation.getRoles()).extracting(InvitedRole::offer).doesNotContain(RECEPTIONIST);
		assertThat(invitation.events()).isEmpty();
	}

	/** A new invitation whose announcement has been published. */
	@Test
	void endsTheAccessOfRolesWhoseLastDayIsBeforeTodayOnlyAndCancelsWhenNoneRemain() {
		LocalDate lastDay = LocalDate.of(2027, 4, 4);
		Invitation invitation = pendingWith(new RoleOffer(Role.SERVICE_PROVIDER, WAITING_AREA, lastDay),
				new RoleOffer(Role.RECEPTIONIST, WAITING_AREA, lastDay.plusDays(1)));
		Instant now = INVITED_AT.plusSeconds(60);

		assertThat(invitation.endAccess(lastDay, now)).as("on the last day").isEmpty();
		assertThat(invitation.events()).isEmpty();
		assertThat(invitation.endAccess(lastDay.plusDays(1), now)).containsExactly(PROVIDER);
		assertThat(invitation.isPending()).isTrue();
		RolesRemoved removed = (RolesRemoved) single(invitation);
		assertThat(removed.by().isSystem()).isTrue();
		invitation.clearEvents();

		assertThat(invitation.endAccess(lastDay.plusDays(2), now)).containsExactly(RECEPTIONIST);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.CANCELLED);
		assertThat(invitation.events()).extracting(Object::getClass)
			.containsExactly(RolesRemoved.class, InvitationCancelled.class);
	}

	private Invitation pendingWith(RoleOffer... offers) {
		Invitation invitation = Invitation.invite(ID, INVITEE, ADMIN, List.of(offers), null, this.tokens, INVITED_AT);
		invitation.clearEvents();
		return invitation;
	}

	private static InvitationEvent single(Invitation invitation) {
		assertThat(invitation.events()).hasSize(1);
		return invitation.events().get(0);
	}

	private static LinkStatus statusOfToken(Invitation invitation, String token) {
		InvitationLink link = invitation.linkWith(InvitationTokens.sha256(token)).orElseThrow();
		return invitation.statusOf(link, invitation.getLastSentAt());
	}

	private static List<RoleOffer> offers(Invitation invitation) {
		return invitation.getRoles().stream().map(InvitedRole::offer).toList();
	}

}
