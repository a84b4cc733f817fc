package com.videocall.admin.invitation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.AddUsersForecast.Outcome;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Add Users' rule (A2), which Add Users decides by and Import Users foresees by (IM2,
 * IM3): each outcome, from the person's account, open pending invitation and roles held.
 * The integration tests of Add Users and Import Users check what each outcome then does.
 */
class AddUsersForecastTests {

	private static final RoleOffer PROVIDER = new RoleOffer(Role.SERVICE_PROVIDER, 10);

	private static final RoleOffer RECEPTIONIST = new RoleOffer(Role.RECEPTIONIST, 10);

	private static final RoleOffer MEMBER = new RoleOffer(Role.MEETING_ROOM_MEMBER, 20);

	private static final List<RoleOffer> BOTH = List.of(PROVIDER, RECEPTIONIST);

	@Test
	void invitesSomeoneWithoutAnAccount() {
		assertThat(AddUsersForecast.nobody().outcome(BOTH)).isEqualTo(Outcome.INVITED);
	}

	@Test
	void invitesAnInviteeWithoutAnOpenPendingInvitation() {
		// Also one past its close moment (LC2), which Add Users ends first: not open.
		assertThat(invitee(false, Set.of()).outcome(BOTH)).isEqualTo(Outcome.INVITED);
	}

	@Test
	void extendsAnOpenPendingInvitationLackingARole() {
		assertThat(invitee(true, Set.of(PROVIDER)).outcome(BOTH)).isEqualTo(Outcome.EXTENDED);
		assertThat(invitee(true, Set.of(MEMBER)).outcome(BOTH)).isEqualTo(Outcome.EXTENDED);
	}

	@Test
	void leavesAnOpenPendingInvitationOfferingEveryRoleUnchanged() {
		assertThat(invitee(true, Set.of(PROVIDER, RECEPTIONIST, MEMBER)).outcome(BOTH)).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void grantsAnActiveAccountARoleItLacks() {
		assertThat(active(Set.of(PROVIDER)).outcome(BOTH)).isEqualTo(Outcome.GRANTED);
		assertThat(active(Set.of()).outcome(BOTH)).isEqualTo(Outcome.GRANTED);
	}

	@Test
	void leavesAnActiveAccountHoldingEveryRoleUnchanged() {
		assertThat(active(Set.of(PROVIDER, RECEPTIONIST)).outcome(BOTH)).isEqualTo(Outcome.UNCHANGED);
	}

	@Test
	void refusesADisabledAccountWhateverItHoldsOrIsOffered() {
		assertThat(new AddUsersForecast(AccountStatus.DISABLED, false, Set.of(), Set.of()).outcome(BOTH))
			.isEqualTo(Outcome.DISABLED);
		assertThat(new AddUsersForecast(AccountStatus.DISABLED, true, Set.of(PROVIDER), Set.of(PROVIDER, RECEPTIONIST))
			.outcome(BOTH)).isEqualTo(Outcome.DISABLED);
	}

	@Test
	void knowsARoleByItsRoleAndAreaNotTheLastDayOfItsAccess() {
		List<RoleOffer> until = List.of(new RoleOffer(Role.SERVICE_PROVIDER, 10, LocalDate.of(2027, 2, 28)));

		assertThat(invitee(true, Set.of(PROVIDER)).outcome(until)).isEqualTo(Outcome.UNCHANGED);
		assertThat(active(Set.of(PROVIDER)).outcome(until)).isEqualTo(Outcome.UNCHANGED);
	}

	/**
	 * Add Users reads an invitee's pending invitation and an active account's roles only
	 * ({@link AddUsersForecast#looksAtPending}, {@link AddUsersForecast#looksAtHeld}):
	 * the outcome must not depend on anything else.
	 */
	@ParameterizedTest
	@EnumSource(AccountStatus.class)
	void dependsOnlyOnWhatAddUsersReadsForTheStatus(AccountStatus status) {
		List<Set<RoleOffer>> roles = List.of(Set.of(), Set.of(PROVIDER), Set.of(PROVIDER, RECEPTIONIST));
		for (boolean pending : new boolean[] { false, true }) {
			for (Set<RoleOffer> offered : roles) {
				for (Set<RoleOffer> held : roles) {
					AddUsersForecast person = new AddUsersForecast(status, pending, offered, held);
					AddUsersForecast asRead = new AddUsersForecast(status,
							AddUsersForecast.looksAtPending(status) && pending,
							AddUsersForecast.looksAtPending(status) ? offered : Set.of(),
							AddUsersForecast.looksAtHeld(status) ? held : Set.of());
					assertThat(asRead.outcome(BOTH)).as("%s", person).isEqualTo(person.outcome(BOTH));
				}
			}
		}
	}

	@Test
	void foreseesAPersonsLaterRowsAsTheEarlierOnesLeaveThem() {
		AddUsersForecast invited = AddUsersForecast.nobody().after(List.of(PROVIDER));
		assertThat(invited.outcome(List.of(PROVIDER))).isEqualTo(Outcome.UNCHANGED);
		assertThat(invited.outcome(BOTH)).isEqualTo(Outcome.EXTENDED);
		assertThat(invited.after(BOTH).outcome(BOTH)).isEqualTo(Outcome.UNCHANGED);

		AddUsersForecast granted = active(Set.of()).after(List.of(MEMBER));
		assertThat(granted.outcome(List.of(MEMBER))).isEqualTo(Outcome.UNCHANGED);
		assertThat(granted.outcome(BOTH)).isEqualTo(Outcome.GRANTED);

		AddUsersForecast disabled = new AddUsersForecast(AccountStatus.DISABLED, false, Set.of(), Set.of());
		assertThat(disabled.after(BOTH)).isEqualTo(disabled);
	}

	private static AddUsersForecast invitee(boolean open, Set<RoleOffer> offered) {
		return new AddUsersForecast(AccountStatus.INVITED, open, offered, Set.of());
	}

	private static AddUsersForecast active(Set<RoleOffer> held) {
		return new AddUsersForecast(AccountStatus.ACTIVE, false, Set.of(), held);
	}

}
