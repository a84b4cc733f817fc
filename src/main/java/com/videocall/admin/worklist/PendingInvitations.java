package com.videocall.admin.worklist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.SearchText;
import com.videocall.admin.mail.EmailStatus;
import com.videocall.admin.people.CappedPage;
import com.videocall.admin.worklist.PendingInvitationRow.RoleInArea;

import org.springframework.data.domain.Pageable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Pending Invitations list (P1, P2), its CSV (P4) and the home page's counts (P5): a
 * read model over the invitation tables, the published views of accounts and areas and
 * the outbox, like the Users list (decision 0009). It sorts, filters and searches on the
 * keys stored per pending invitation ({@code pending_invitation}, V14, decision 0012): a
 * System Administrator's statements read their indexes; in a limited scope every
 * statement starts from the pending invitations' roles in scope, so nothing outside it is
 * ever read into a row, a count or the CSV. A page is one statement and its count (up to
 * {@link CappedPage#COUNT_LIMIT}) another, whatever the page or the roles per person.
 */
@Service
public class PendingInvitations {

	/** "Expiring within 3 days" (P2). */
	public static final Duration EXPIRING_WITHIN = Duration.ofDays(3);

	/** "Closing within 7 days" (LC2). */
	public static final Duration CLOSING_WITHIN = Duration.ofDays(7);

	/**
	 * Every pending invitation, for a System Administrator: its stored keys (V14), read
	 * in the order of their indexes. The invitation itself is joined for the rows shown
	 * only ({@link #WITH_INVITATION}), so that a deep page skips keys, not invitations.
	 */
	private static final String EVERY = """
			p as (
			  select k.invitation_id as id, k.first_invited_at as invited_at, k.link_expires_at as expires_at,
			         k.delivery, k.closes_at
			  from pending_invitation k
			  where true
			""";

	private static final String EVERY_IN_AREA = """
			  and k.invitation_id in (select r.invitation_id from invited_role r where r.area_id = :area)
			""";

	/**
	 * "Inviter no longer an administrator" (P2): the stored areas of the roles whose
	 * inviter is disabled or no longer administers them (V14), any of them for a System
	 * Administrator (a partial index in list order), the area of a role in scope
	 * otherwise.
	 */
	private static final String EVERY_INVITER_GONE = """
			  and k.inviter_gone_areas <> '{}'
			""";

	private static final String SCOPED_INVITER_GONE = """
			  and k.inviter_gone
			""";

	/**
	 * The pending invitations with a role in a limited scope, one row per invitation: it
	 * counts as invited when its first role in scope was. (The areas joined as a set:
	 * {@code = any(:areas)} would compare each role with every area of the scope.)
	 */
	private static final String SCOPED = """
			scoped as (
			  select k.invitation_id, min(r.invited_at) as first_invited_at, k.link_expires_at, k.search_text,
			         bool_or(r.area_id = any(k.inviter_gone_areas)) as inviter_gone, k.closes_at
			  from invited_role r join pending_invitation k on k.invitation_id = r.invitation_id
			""";

	private static final String IN_SCOPE = """
			  where r.area_id in (select unnest(:areas))
			  group by k.invitation_id
			""";

	private static final String IN_AREA = """
			  having bool_or(r.area_id = :area)
			""";

	private static final String SCOPED_KEYS = """
			), p as (
			  select k.invitation_id as id, k.first_invited_at as invited_at, k.link_expires_at as expires_at,
			         k.closes_at
			  from scoped k
			  where true
			""";

	/**
	 * In a limited scope, the state of the newest email of the invitation that the
	 * administrator may see: one its history shows them (an action with no roles, or with
	 * a role in scope). Read for the rows shown, unless the filter asks for it.
	 */
	private static final String SCOPED_DELIVERY = """
			(select o.status from outbound_email o
			 where o.topic = invitation_topic(p.id) and reference_invitation_event(o.reference) is not null
			   and activity_entry_shown(reference_invitation_event(o.reference), :areas)
			 order by o.created_at desc, o.id desc limit 1)
			""";

	private static final String MATCHING_SEARCH = """
			  and k.search_text like :pattern
			""";

	private static final String EXPIRING = "p.expires_at > :now and p.expires_at <= :soon";

	private static final String EXPIRED = "p.expires_at <= :now";

	/** "Closing within 7 days" (LC2): read from the stored keys, as the link's expiry. */
	private static final String CLOSING = "p.closes_at > :now and p.closes_at <= :closing";

	private static final String ROW_COLUMNS = """
			select p.id, i.version, a.display_name, a.email, p.invited_at,
			  i.last_reminded_at, p.expires_at, p.delivery,
			  p.expires_at <= :now as link_expired,
			  (select b.display_name from invited_role r join account_profile b on b.id = r.invited_by
			   where r.invitation_id = p.id and (:everything or r.area_id = any(:areas))
			   order by r.invited_at, r.id limit 1) as invited_by,
			  array(select r.role || ':' || r.area_id || ':' || coalesce(r.access_until::text, '') || ':' || d.name
			        from invited_role r join directory_area d on d.id = r.area_id
			        where r.invitation_id = p.id and (:everything or r.area_id = any(:areas))
			        order by d.name, r.role) as roles
			""";

	/** The invitation and invitee of each row, read for the rows shown only. */
	private static final String WITH_INVITATION = """
			 p join invitation i on i.id = p.id join account_profile a on a.id = i.account_id
			""";

	/** Rows read from the database at a time while the CSV is written. */
	static final int FETCH_SIZE = 500;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PendingInvitations(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
		fetching.setFetchSize(FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/** A page of the list, counted up to {@link CappedPage#COUNT_LIMIT}. */
	public CappedPage<PendingInvitationRow> find(AdministratorScope scope, PendingQuery query, Pageable pageable) {
		Instant now = this.clock.instant();
		Statement page = pageStatement(scope, query, pageable, now);
		List<PendingInvitationRow> rows = this.jdbc.sql(page.sql())
			.params(page.parameters())
			.query(PendingInvitations::row)
			.list();
		boolean hasNext = rows.size() > pageable.getPageSize();
		List<PendingInvitationRow> shown = hasNext ? rows.subList(0, pageable.getPageSize()) : rows;
		Statement count = countStatement(scope, query, now);
		long counted = this.jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
		return CappedPage.of(shown, hasNext, pageable, counted);
	}

	/**
	 * "Export CSV" (P4): {@link #forEach every row}, then the export is announced (the
	 * activity trail records it).
	 */
	public void export(AdministratorScope scope, PendingQuery query, Consumer<PendingInvitationRow> each) {
		long[] rows = { 0 };
		forEach(scope, query, (row) -> {
			each.accept(row);
			rows[0]++;
		});
		this.events.publishEvent(
				new PendingInvitationsExported(scope.accountId(), query.areaId(), rows[0], this.clock.instant()));
	}

	/**
	 * Every row of the list in its order, handed over one at a time while the database
	 * sends them {@value #FETCH_SIZE} at a time: the list is never held in memory (P4).
	 */
	public void forEach(AdministratorScope scope, PendingQuery query, Consumer<PendingInvitationRow> each) {
		String sql = base(scope, query) + ", rows as (select p.*" + shownDelivery(scope) + " from p"
				+ where(scope, query) + ")\n" + ROW_COLUMNS + " from rows" + WITH_INVITATION + " order by "
				+ query.sort().orderBy();
		Map<String, Object> parameters = parameters(scope, query, this.clock.instant());
		this.readOnly.executeWithoutResult(
				(status) -> this.streaming.query(sql, parameters, (ResultSet rs) -> each.accept(row(rs, rs.getRow()))));
	}

	/** The home page's counts (P5). */
	public Counts counts(AdministratorScope scope) {
		Statement counts = countsStatement(scope, this.clock.instant());
		return this.jdbc.sql(counts.sql())
			.params(counts.parameters())
			.query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/** The rows of a page, and one more to tell whether a next page exists. */
	static Statement pageStatement(AdministratorScope scope, PendingQuery query, Pageable pageable, Instant now) {
		Map<String, Object> parameters = parameters(scope, query, now);
		return new Statement(base(scope, query) + ", page as (select p.*" + shownDelivery(scope) + " from p"
				+ where(scope, query) + " order by " + query.sort().orderBy() + " limit " + (pageable.getPageSize() + 1)
				+ " offset " + pageable.getOffset() + ")\n" + ROW_COLUMNS + " from page" + WITH_INVITATION
				+ " order by " + query.sort().orderBy(), parameters);
	}

	/** How many rows the list has, up to {@link CappedPage#COUNT_LIMIT} and one more. */
	static Statement countStatement(AdministratorScope scope, PendingQuery query, Instant now) {
		Map<String, Object> parameters = parameters(scope, query, now);
		return new Statement(base(scope, query) + " select count(*) from (select 1 from p" + where(scope, query)
				+ " limit " + (CappedPage.COUNT_LIMIT + 1) + ") c", parameters);
	}

	/**
	 * The home page's counts: pending, expiring, link expired, email failed, closing
	 * within 7 days.
	 */
	static Statement countsStatement(AdministratorScope scope, Instant now) {
		PendingQuery query = PendingQuery.all();
		return new Statement(
				base(scope, query) + " select count(*), count(*) filter (where " + EXPIRING
						+ "), count(*) filter (where " + EXPIRED + "), count(*) filter (where " + delivery(scope)
						+ " = 'FAILED'), count(*) filter (where " + CLOSING + ") from p",
				parameters(scope, query, now));
	}

	/**
	 * The statement's start: {@code p}, the pending invitations in scope in the area
	 * asked for, matching the search, with what a row shows and sorts on.
	 */
	private static String base(AdministratorScope scope, PendingQuery query) {
		boolean gone = query.filter() == PendingFilter.INVITER_GONE;
		String search = query.search().isBlank() ? "" : MATCHING_SEARCH;
		if (scope.everything()) {
			return "with " + EVERY + ((query.areaId() != null) ? EVERY_IN_AREA : "") + (gone ? EVERY_INVITER_GONE : "")
					+ search + ")\n";
		}
		return "with " + SCOPED + IN_SCOPE + ((query.areaId() != null) ? IN_AREA : "") + SCOPED_KEYS
				+ (gone ? SCOPED_INVITER_GONE : "") + search + ")\n";
	}

	/** The delivery state of row {@code p}: stored, or read in a limited scope. */
	private static String delivery(AdministratorScope scope) {
		return scope.everything() ? "p.delivery" : SCOPED_DELIVERY;
	}

	/** The delivery state a row shows, where {@code p} does not have it yet. */
	private static String shownDelivery(AdministratorScope scope) {
		return scope.everything() ? "" : ", " + SCOPED_DELIVERY + " as delivery";
	}

	private static String where(AdministratorScope scope, PendingQuery query) {
		String condition = switch (query.filter()) {
			case EXPIRING -> EXPIRING;
			case EXPIRED -> EXPIRED;
			case CLOSING -> CLOSING;
			case EMAIL_FAILED -> delivery(scope) + " = 'FAILED'";
			case NEVER_REMINDED -> "exists (select 1 from invitation n where n.id = p.id and n.reminders_sent = 0)";
			case ALL, INVITER_GONE -> null;
		};
		return (condition != null) ? " where " + condition : "";
	}

	private static Map<String, Object> parameters(AdministratorScope scope, PendingQuery query, Instant now) {
		Map<String, Object> parameters = new HashMap<>(scope.sqlParameters());
		parameters.put("now", Timestamp.from(now));
		parameters.put("soon", Timestamp.from(now.plus(EXPIRING_WITHIN)));
		parameters.put("closing", Timestamp.from(now.plus(CLOSING_WITHIN)));
		parameters.put("area", query.areaId());
		parameters.put("pattern", SearchText.containsPattern(query.search()));
		return parameters;
	}

	private static PendingInvitationRow row(ResultSet rs, int row) throws SQLException {
		String delivery = rs.getString("delivery");
		return new PendingInvitationRow(rs.getLong("id"), rs.getLong("version"), rs.getString("display_name"),
				rs.getString("email"), roles(rs.getArray("roles")), instant(rs.getTimestamp("invited_at")),
				rs.getString("invited_by"), instant(rs.getTimestamp("last_reminded_at")),
				instant(rs.getTimestamp("expires_at")), rs.getBoolean("link_expired"),
				(delivery != null) ? EmailStatus.valueOf(delivery) : null);
	}

	private static List<RoleInArea> roles(Array array) throws SQLException {
		List<RoleInArea> roles = new ArrayList<>();
		for (String role : (String[]) array.getArray()) {
			String[] parts = role.split(":", 4);
			roles.add(new RoleInArea(Role.valueOf(parts[0]), Long.parseLong(parts[1]), parts[3],
					parts[2].isEmpty() ? null : LocalDate.parse(parts[2])));
		}
		return roles;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One statement of the list and its parameters. */
	record Statement(String sql, Map<String, Object> parameters) {
	}

	/** What needs attention, for the home page (P5). */
	public record Counts(long pending, long expiring, long expired, long emailFailed, long closing) {
	}

}
