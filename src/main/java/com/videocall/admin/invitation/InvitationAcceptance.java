package com.videocall.admin.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AreaNames;
import com.videocall.admin.directory.RoleGrants;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitee's side (I2–I4): reading what a link offers, setting up the account from it
 * (the administrators who invited hear of it, LC5), declining the invitation (LC6), and
 * asking for a new link when it has expired. Tokens are only ever compared by their
 * SHA-256. Saving the invitation through {@link InvitationChanges} records what happened
 * and sends the new link's email.
 */
@Service
public class InvitationAcceptance {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	/**
	 * The session attribute that holds the token of the invitation whose account is being
	 * set up with single sign-on (SI5), while the person signs in with the provider: the
	 * token never goes to the provider.
	 */
	public static final String PROVIDER_SET_UP_TOKEN = InvitationAcceptance.class.getName() + ".providerSetUp";

	/**
	 * The parameter of the provider sign-in's start that says it sets up that
	 * invitation's account; a sign-in started without it forgets the token.
	 */
	public static final String PROVIDER_SET_UP_PARAMETER = "invitation";

	private final InvitationRepository invitations;

	private final AccountManagement accounts;

	private final RoleGrants roleGrants;

	private final InvitationTokens tokens;

	private final AreaNames areaNames;

	private final InvitationChanges changes;

	private final InviterNotices inviters;

	private final Clock clock;

	InvitationAcceptance(InvitationRepository invitations, AccountManagement accounts, RoleGrants roleGrants,
			InvitationTokens tokens, AreaNames areaNames, InvitationChanges changes, InviterNotices inviters,
			Clock clock) {
		this.inviters = inviters;
		this.areaNames = areaNames;
		this.changes = changes;
		this.invitations = invitations;
		this.accounts = accounts;
		this.roleGrants = roleGrants;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Changes nothing (mail scanners open links). Empty for an unknown or malformed
	 * token.
	 */
	@Transactional(readOnly = true)
	public Optional<LinkView> inspect(String token) {
		return find(token, false).map((found) -> {
			Invitation invitation = found.invitation();
			List<LinkView.Offered> offered = (found.status() == LinkStatus.VALID) ? offered(invitation) : List.of();
			return new LinkView(found.status(), this.accounts.get(invitation.getAccountId()).getEmail(), offered,
					found.link().getExpiresAt());
		});
	}

	/**
	 * Activates the account with exactly the roles still offered and ends the invitation,
	 * once: the invitation row is locked, so a second submission of the same link finds
	 * it accepted. Returns the link's status before the attempt (VALID means the account
	 * is now set up).
	 */
	@Transactional
	public Optional<Accepted> accept(String token, String fullName, String password) {
		return find(token, true).map((found) -> {
			if (found.status() != LinkStatus.VALID) {
				return new Accepted(found.status(), null);
			}
			UserAccount account = this.accounts.activate(found.invitation().getAccountId(), fullName, password);
			return new Accepted(LinkStatus.VALID, setUp(found, account));
		});
	}

	/**
	 * Sets the account up without a password, as {@link #accept} does, when the
	 * organisation's OpenID Connect provider verified the invited address for the person
	 * (SI5; any case, as sign-in compares emails); any other address changes nothing.
	 */
	@Transactional
	public Optional<ProviderSetUp> acceptWithProvider(String token, String verifiedEmail, String fullName) {
		return find(token, true).map((found) -> {
			if (found.status() != LinkStatus.VALID) {
				return ProviderSetUp.LINK_NOT_VALID;
			}
			long invited = found.invitation().getAccountId();
			boolean invitedAddress = this.accounts.findByEmail(verifiedEmail)
				.filter((account) -> account.getId() == invited)
				.isPresent();
			if (!invitedAddress) {
				return ProviderSetUp.OTHER_ADDRESS;
			}
			setUp(found, this.accounts.activateWithoutPassword(invited, fullName));
			return ProviderSetUp.SET_UP;
		});
	}

	/**
	 * Grants the account exactly the roles still offered and ends the invitation; the
	 * account's email.
	 */
	private String setUp(Found found, UserAccount account) {
		Invitation invitation = found.invitation();
		for (InvitedRole role : invitation.getRoles()) {
			// The end of its access goes with the role (LC1).
			this.roleGrants.grant(account.getId(), role.getRole(), role.getAreaId(), role.getAccessUntil(),
					found.now());
		}
		invitation.accept(found.link(), found.now());
		this.changes.save(invitation, account.getEmail());
		this.inviters.setUp(invitation, account, found.now());
		return account.getEmail();
	}

	/**
	 * The person the invitation was sent to says it is not for them (LC6): with a valid
	 * link, the invitation ends as declined and the administrators who invited are told,
	 * once: the invitation row is locked, so a second submission finds it declined.
	 * Returns the link's status before the attempt (VALID means it is now declined).
	 */
	@Transactional
	public Optional<LinkStatus> decline(String token) {
		return find(token, true).map((found) -> {
			if (found.status() == LinkStatus.VALID) {
				Invitation invitation = found.invitation();
				String email = this.accounts.get(invitation.getAccountId()).getEmail();
				invitation.decline(found.link(), found.now());
				this.changes.save(invitation, email);
				this.inviters.declined(invitation, email, found.now());
			}
			return found.status();
		});
	}

	/**
	 * Emails a fresh link to the invited address when the link is the newest and has
	 * expired.
	 */
	@Transactional
	public Optional<LinkStatus> requestNewLink(String token) {
		return find(token, true).map((found) -> {
			if (found.status() == LinkStatus.EXPIRED) {
				found.invitation().requestNewLink(found.link(), this.tokens, found.now());
				this.changes.save(found.invitation(), this.accounts.get(found.invitation().getAccountId()).getEmail());
			}
			return found.status();
		});
	}

	private List<LinkView.Offered> offered(Invitation invitation) {
		Map<Long, String> names = this.areaNames
			.of(invitation.getRoles().stream().map(InvitedRole::getAreaId).toList());
		return invitation.getRoles()
			.stream()
			.map((role) -> new LinkView.Offered(role.getRole(), names.get(role.getAreaId()), role.getAccessUntil()))
			.toList();
	}

	/** The invitation of the link with this token, and the link's status now. */
	private Optional<Found> find(String token, boolean forUpdate) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		byte[] hash = InvitationTokens.sha256(token);
		Optional<Invitation> invitation = forUpdate ? this.invitations.findByTokenHashForUpdate(hash)
				: this.invitations.findByTokenHash(hash);
		Instant now = this.clock.instant();
		return invitation.flatMap(
				(found) -> found.linkWith(hash).map((link) -> new Found(found, link, found.statusOf(link, now), now)));
	}

	private record Found(Invitation invitation, InvitationLink link, LinkStatus status, Instant now) {
	}

	/**
	 * The outcome of a set-up: the link's status before it, and the email of the account
	 * set up.
	 */
	public record Accepted(LinkStatus status, String email) {
	}

	/** The outcome of setting an account up with single sign-on. */
	public enum ProviderSetUp {

		/** The account is set up, without a password. */
		SET_UP,

		/**
		 * The provider verified another address than the invited one: nothing changed.
		 */
		OTHER_ADDRESS,

		/** The link is no longer valid (used, expired, cancelled …): nothing changed. */
		LINK_NOT_VALID

	}

}
