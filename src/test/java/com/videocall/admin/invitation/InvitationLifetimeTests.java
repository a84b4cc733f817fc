package com.videocall.admin.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationEvent.InvitationExpired;
import com.videocall.admin.invitation.InvitationEvent.LinkSent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An invitation closes by itself (LC2): 90 calendar days in the configured zone after the
 * last invitation or reminder an administrator sent, not after an automatic reminder or a
 * new link the invitee asked for; from then on none of its links works, nothing more is
 * sent, and it can be ended as expired, once.
 */
class InvitationLifetimeTests {

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private static final Duration VALIDITY = Duration.ofDays(14);

	private static final Duration LIFETIME = Duration.ofDays(90);

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	/** Monday 1 February 2027, 10:00 in Sydney (daylight saving time, +11:00). */
	private static final Instant INVITED_AT = local("2027-02-01T10:00");

	private static final Actor ADMIN = new Actor(1, "Ada Admin", "Users");

	private static final RoleOffer PROVIDER = new RoleOffer(Role.SERVICE_PROVIDER, 10);

	private static final RoleOffer MEMBER = new RoleOffer(Role.MEETING_ROOM_MEMBER, 20);

	private final InvitationTokens tokens = new InvitationTokens(VALIDITY, LIFETIME, SYDNEY);

	@Test
	void closesNinetyCalendarDaysAfterTheInvitationAtTheSameLocalTimeAcrossADaylightSavingChange() {
		Invitation invitation = invited();

		// Daylight saving ends on Sunday 4 April 2027: 2 May is at +10:00.
		assertThat(invitation.getClosesAt()).isEqualTo(local("2027-05-02T10:00"));
		assertThat(Duration.between(INVITED_AT, invitation.getClosesAt())).isEqualTo(LIFETIME.plusHours(1));
	}

	@Test
	void isOpenTheDayBeforeAndDueFromTheMomentItCloses() {
		Invitation invitation = invited();
		Instant closes = invitation.getClosesAt();

		assertThat(invitation.isDue(closes.minus(Duration.ofDays(1)))).isFalse();
		assertThat(invitation.isDue(closes.minusNanos(1))).isFalse();
		assertThat(invitation.isDue(closes)).isTrue();
		assertThat(invitation.isDue(closes.plus(Duration.ofDays(1)))).isTrue();
	}

	@Test
	void anAdministratorsReminderOrNewRolesKeepItOpenLonger() {
		Invitation invitation = invited();
		Instant reminded = INVITED_AT.plus(Duration.ofDays(30));
		invitation.remind(ADMIN, Set.of(10L), INTERVAL, this.tokens, reminded);
		assertThat(invitation.getClosesAt()).isEqualTo(reminded.atZone(SYDNEY).plusDays(90).toInstant());

		Instant offered = reminded.plus(Duration.ofDays(10));
		invitation.offer(ADMIN, List.of(MEMBER), null, this.tokens, offered);
		assertThat(invitation.getClosesAt()).isEqualTo(offered.atZone(SYDNEY).plusDays(90).toInstant());
	}

	@Test
	void anAutomaticReminderDoesNotKeepItOpen() {
		Invitation invitation = invited();
		Instant closes = invitation.getClosesAt();

		invitation.remind(Actor.system("Ada Admin"), Set.of(), INTERVAL, this.tokens,
				INVITED_AT.plus(Duration.ofDays(80)));

		assertThat(invitation.getClosesAt()).isEqualTo(closes);
		assertThat(invitation.getRemindersSent()).isEqualTo(1);
		// Its link works until the invitation closes, not for the usual 14 days, and its
		// email says so.
		assertThat(invitation.getLinkExpiresAt()).isEqualTo(closes);
		assertThat(((LinkSent) invitation.events().get(invitation.events().size() - 1)).link().expiresAt())
			.isEqualTo(closes);
	}

	@Test
	void aNewLinkTheInviteeAskedForDoesNotKeepItOpen() {
		Invitation invitation = invited();
		Instant closes = invitation.getClosesAt();
		InvitationLink expired = invitation.currentLink();

		invitation.requestNewLink(expired, this.tokens, INVITED_AT.plus(Duration.ofDays(20)));

		assertThat(invitation.getClosesAt()).isEqualTo(closes);
		assertThat(invitation.currentLink()).isNotSameAs(expired);
	}

	@Test
	void everyLinkSaysTheInvitationHasExpiredOnceItClosesAndNoNewLinkIsSent() {
		Invitation invitation = invited();
		InvitationLink first = invitation.currentLink();
		invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, INVITED_AT.plus(Duration.ofDays(1)));
		InvitationLink newest = invitation.currentLink();
		Instant closes = invitation.getClosesAt();

		assertThat(invitation.statusOf(newest, closes.minusSeconds(1))).isEqualTo(LinkStatus.EXPIRED);
		assertThat(invitation.statusOf(newest, closes)).isEqualTo(LinkStatus.INVITATION_EXPIRED);
		assertThat(invitation.statusOf(first, closes)).isEqualTo(LinkStatus.INVITATION_EXPIRED);
		assertThatIllegalStateException()
			.isThrownBy(() -> invitation.requestNewLink(newest, this.tokens, closes.plusSeconds(1)));
		assertThatExceptionOfType(InvitationEndedException.class)
			.isThrownBy(() -> invitation.remind(ADMIN, Set.of(), INTERVAL, this.tokens, closes))
			.satisfies((refusal) -> assertThat(refusal.status()).isEqualTo(InvitationStatus.EXPIRED));
		assertThatExceptionOfType(InvitationEndedException.class)
			.isThrownBy(() -> invitation.offer(ADMIN, List.of(MEMBER), null, this.tokens, closes));
		assertThatIllegalStateException().isThrownBy(() -> invitation.accept(newest, closes));
		assertThat(invitation.isPending()).isTrue();
	}

	@Test
	void expiresOnceWhenDueAndAnnouncesItWithItsRoles() {
		Invitation invitation = invited();
		invitation.clearEvents();
		Instant closes = invitation.getClosesAt();

		assertThatIllegalStateException().isThrownBy(() -> invitation.expire(closes.minusSeconds(1)));
		Instant now = closes.plus(Duration.ofMinutes(3));
		invitation.expire(now);

		assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.EXPIRED);
		assertThat(invitation.isDue(now)).isFalse();
		assertThat(invitation.events()).containsExactly(new InvitationExpired(7, 42, now, closes, List.of(PROVIDER)));
		assertThat(invitation.statusOf(invitation.currentLink(), now)).isEqualTo(LinkStatus.INVITATION_EXPIRED);
		assertThatExceptionOfType(InvitationEndedException.class).isThrownBy(() -> invitation.expire(now));
	}

	private Invitation invited() {
		return Invitation.invite(7, 42, ADMIN, List.of(PROVIDER), null, this.tokens, INVITED_AT);
	}

	private static Instant local(String dateTime) {
		return ZonedDateTime.of(LocalDateTime.parse(dateTime), SYDNEY).toInstant();
	}

}
