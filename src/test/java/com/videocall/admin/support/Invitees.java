package com.videocall.admin.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.HistoryType;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;
import com.videocall.admin.support.TestOrganisation.Clinic;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Invitees of a test's own clinic for the link and set-up tests: invitations made the way
 * the clinic's administrator makes them, the tokens their emails carry, and what the
 * database holds about them.
 */
@TestComponent
public class Invitees {

	private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

	private static final String SOURCE_PAGE = "Test set-up";

	private final InvitationManagement management;

	private final AdministratorScopes scopes;

	private final UserDetailsService accounts;

	private final JdbcClient jdbc;

	private final MailServer mail;

	private final InvitationRecords records;

	public Invitees(InvitationManagement management, AdministratorScopes scopes, UserDetailsService accounts,
			JdbcClient jdbc, MailServer mail, InvitationRecords records) {
		this.mail = mail;
		this.records = records;
		this.management = management;
		this.scopes = scopes;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** Invites {@code who} of the clinic as Service Provider in its waiting area. */
	public Invitee pendingFor(Clinic clinic, String who) {
		return pendingFor(clinic, who, new RoleOffer(Role.SERVICE_PROVIDER, clinic.waitingArea()));
	}

	/** Invites {@code who} of the clinic to the roles, as the clinic's administrator. */
	public Invitee pendingFor(Clinic clinic, String who, RoleOffer... offers) {
		String email = clinic.email(who);
		AccountUser admin = admin(clinic);
		this.management.addUsers(scope(admin), admin, List.of(offers), email, null, SOURCE_PAGE);
		long invitation = this.jdbc
			.sql("select i.id from invitation i join account a on a.id = i.account_id "
					+ "where lower(a.email) = lower(?) and i.status = 'PENDING'")
			.param(email)
			.query(Long.class)
			.single();
		return new Invitee(clinic, email, invitation);
	}

	/**
	 * The token of the newest email to the invitee, once every email to them is
	 * delivered.
	 */
	public String token(Invitee invitee) {
		long queued = this.jdbc.sql("select count(*) from outbound_email where lower(recipient) = lower(?)")
			.param(invitee.email())
			.query(Long.class)
			.single();
		List<MimeMessage> received = this.mail.awaitEmails(invitee.email(), (int) queued);
		return tokenIn(MailServer.text(received.get(received.size() - 1)));
	}

	/** The token of the first invitation link in an email body. */
	public static String tokenIn(String body) {
		Matcher link = LINK.matcher(body);
		if (!link.find()) {
			throw new AssertionError("No invitation link in " + body);
		}
		return link.group(1);
	}

	/** Send Reminder, as the clinic's administrator. */
	public void remind(Invitee invitee) {
		AccountUser admin = admin(invitee.clinic());
		this.management.remind(scope(admin), admin, invitee.invitation(), version(invitee), SOURCE_PAGE, null);
	}

	/** Removes the invited roles of the given kinds, as the clinic's administrator. */
	public void removeRoles(Invitee invitee, Role... roles) {
		Set<String> names = Set.of(roles).stream().map(Role::name).collect(Collectors.toSet());
		Set<Long> ids = this.jdbc.sql("select id, role from invited_role where invitation_id = ?")
			.param(invitee.invitation())
			.query((rs, row) -> names.contains(rs.getString("role")) ? rs.getLong("id") : null)
			.stream()
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		AccountUser admin = admin(invitee.clinic());
		this.management.removeRoles(scope(admin), admin, invitee.invitation(), version(invitee), ids, SOURCE_PAGE);
	}

	/**
	 * Change Roles adding the roles and removing none, as the clinic's administrator
	 * (LC4).
	 */
	public void addByChangeRoles(Invitee invitee, RoleOffer... add) {
		AccountUser admin = admin(invitee.clinic());
		this.management.changeRoles(scope(admin), admin, invitee.invitation(), version(invitee), Set.of(), List.of(add),
				SOURCE_PAGE);
	}

	public String status(Invitee invitee) {
		return this.records.status(invitee.invitation());
	}

	public String accountStatus(Invitee invitee) {
		return this.jdbc.sql("select status from account where lower(email) = lower(?)")
			.param(invitee.email())
			.query(String.class)
			.single();
	}

	/** The roles the invitee's account holds. */
	public List<RoleOffer> grantedRoles(Invitee invitee) {
		return this.records.grantsOf(invitee.email());
	}

	/** The invitation's history, oldest first. */
	public List<HistoryType> history(Invitee invitee) {
		return this.jdbc.sql("select kind from activity_entry where invitation_id = ? order by occurred_at, id")
			.param(invitee.invitation())
			.query((rs, row) -> HistoryType.valueOf(rs.getString(1)))
			.list();
	}

	/** The recipients of the invitation's emails, oldest first. */
	public List<String> emailRecipients(Invitee invitee) {
		return this.jdbc.sql("select recipient from outbound_email where topic = ? order by id")
			.param("invitation:" + invitee.invitation())
			.query(String.class)
			.list();
	}

	/** The stored hashes of the invitation's links, oldest first. */
	public List<byte[]> linkHashes(Invitee invitee) {
		return this.records.linkHashes(invitee.invitation());
	}

	/**
	 * Everything a visit to a link could change: the invitation, its links, the account,
	 * its roles, the history, and how many emails exist at all.
	 */
	public Snapshot snapshot(Invitee invitee) {
		long id = invitee.invitation();
		return new Snapshot(this.jdbc.sql("""
				select status, version, last_sent_at, last_reminded_at, reminders_sent, ended_at
				from invitation where id = ?
				""").param(id).query().singleRow(), this.jdbc.sql("""
				select id, encode(token_sha256, 'hex') as token_sha256, created_at, expires_at, used_at
				from invitation_link where invitation_id = ? order by id
				""").param(id).query().listOfRows(), this.jdbc.sql("""
				select a.status, a.version, a.full_name, a.password_hash
				from account a join invitation i on i.account_id = a.id where i.id = ?
				""").param(id).query().singleRow(),
				count("select count(*) from role_grant g join invitation i on i.account_id = g.account_id "
						+ "where i.id = ?", id),
				count("select count(*) from activity_entry where invitation_id = ?", id),
				count("select count(*) from outbound_email"));
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long version(Invitee invitee) {
		return this.records.version(invitee.invitation());
	}

	private AccountUser admin(Clinic clinic) {
		return (AccountUser) this.accounts.loadUserByUsername(clinic.adminEmail());
	}

	private AdministratorScope scope(AccountUser admin) {
		return this.scopes.forAccount(admin.accountId());
	}

	/** An invited person of a test's clinic, and their pending invitation's id. */
	public record Invitee(Clinic clinic, String email, long invitation) {
	}

	/** The rows a link's visit could change, compared as values. */
	public record Snapshot(Map<String, Object> invitation, List<Map<String, Object>> links, Map<String, Object> account,
			long roleGrants, long historyEntries, long allEmails) {
	}

}
