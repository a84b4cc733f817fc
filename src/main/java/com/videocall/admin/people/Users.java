package com.videocall.admin.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.SearchText;

import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Users list (U1): every account with a role or a pending invited role in scope. One
 * statement for the page and one for the count, whatever the page size or roles per
 * person (UsersListStatementCountIntegrationTests). A read model: it joins the tables of
 * account, directory and invitation directly (docs/architecture.md, "Data").
 * <p>
 * The accounts come from one of two sources, written out separately because PostgreSQL
 * plans them differently (bench/http-benchmark measures both,
 * UsersListPlanIntegrationTests checks their plans):
 * <ul>
 * <li>{@link #EVERY_LISTED_ACCOUNT} for a System Administrator. It is correct only
 * because the V3 triggers keep {@code account.listed} equal to "holds a role or is
 * offered one by a pending invitation" (SystemAdministratorUsersListIntegrationTests
 * checks them). A page, its count and a search read one of the partial indexes of V10 in
 * list order, without the table.</li>
 * <li>{@link #ACCOUNTS_IN_AREAS} for everyone else: starts from the scope's areas'
 * roles.</li>
 * </ul>
 * The search and status conditions are added only when asked for, so an empty search
 * costs nothing and the planner never sees a condition it cannot use. The page's ids are
 * found first and only its rows are read in full, so a deep page costs the index entries
 * it skips and nothing more. Results are counted up to {@link CappedPage#COUNT_LIMIT}.
 */
@Service
public class Users {

	private static final String COLUMNS = """
			select a.id, a.email, coalesce(a.full_name, a.email) as display_name, a.status,
			       (select max(r.invited_at) from invitation i join invited_role r on r.invitation_id = i.id
			        where i.account_id = a.id and i.status = 'PENDING'
			          and (:everything or r.area_id = any(:areas))) as invited_at
			from account a join (
			""";

	private static final String EVERY_LISTED_ACCOUNT = """
			from account a
			where a.listed
			""";

	private static final String ACCOUNTS_IN_AREAS = """
			from account a
			where a.id in (select g.account_id from role_grant g where g.area_id = any(:areas)
			               union
			               select i.account_id from invited_role r join invitation i on i.id = r.invitation_id
			               where r.area_id = any(:areas) and i.status = 'PENDING')
			""";

	private static final String MATCHING_SEARCH = """
			  and a.search_text like :pattern
			""";

	private static final String WITH_STATUS = """
			  and a.status = :status
			""";

	/**
	 * Followed by the limit and offset, written into the SQL ({@link #pageStatement}).
	 */
	private static final String PAGE = """
			order by a.sort_key, a.id limit %d offset %d
			) page on page.id = a.id
			order by page.sort_key, page.id
			""";

	/**
	 * From a row on: the row itself and those that follow it in list order. The row comes
	 * first only when the list holds it; otherwise the rows are not shown (see
	 * {@link #read}), so that a row outside the list gives no position.
	 */
	private static final String FROM_KEY = """
			  and (a.sort_key, a.id) >= ((select k.sort_key from account k where k.id = :key), :key)
			order by a.sort_key, a.id limit %d
			) page on page.id = a.id
			order by page.sort_key, page.id
			""";

	/** Up to a row: the row itself and those before it, the nearest first. */
	private static final String UP_TO_KEY = """
			  and (a.sort_key, a.id) <= ((select k.sort_key from account k where k.id = :key), :key)
			order by a.sort_key desc, a.id desc limit %d
			) page on page.id = a.id
			order by page.sort_key, page.id
			""";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of the list, counted up to {@link CappedPage#COUNT_LIMIT}. */
	public CappedPage<UserRow> find(AdministratorScope scope, String search, StatusFilter status, Pageable pageable) {
		return find(scope, search, status, ListPosition.page(pageable));
	}

	/**
	 * A page of the list, counted up to {@link CappedPage#COUNT_LIMIT}; found from the
	 * row before or after it when the position names one ("Next" and "Previous" do), so
	 * that page 1000 costs what page 1 does.
	 */
	public CappedPage<UserRow> find(AdministratorScope scope, String search, StatusFilter status,
			ListPosition position) {
		Rows rows = rows(scope, search, status, position);
		Pageable pageable = position.pageable();
		if (pageable.getOffset() >= CappedPage.COUNT_LIMIT && !rows.shown().isEmpty()) {
			return CappedPage.beyondCountLimit(rows.shown(), rows.hasNext(), pageable);
		}
		Statement count = countStatement(scope, search, status);
		return CappedPage.of(rows.shown(), rows.hasNext(), pageable,
				this.jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single());
	}

	/**
	 * A page of the list without its count, for showing the list behind the Manage
	 * Invitation dialog.
	 */
	public CappedPage<UserRow> findUncounted(AdministratorScope scope, String search, StatusFilter status,
			ListPosition position) {
		Rows rows = rows(scope, search, status, position);
		return CappedPage.uncounted(rows.shown(), rows.hasNext(), position.pageable());
	}

	/**
	 * The page's rows, and whether more follow. When the row the position names is not in
	 * the list (any more), the page number is used instead.
	 */
	private Rows rows(AdministratorScope scope, String search, StatusFilter status, ListPosition position) {
		return read(pageStatement(scope, search, status, position), position).orElseGet(() -> {
			ListPosition numbered = ListPosition.page(position.pageable());
			return read(pageStatement(scope, search, status, numbered), numbered).orElseThrow();
		});
	}

	/**
	 * Drops the extra rows each statement reads: the row after the page (forward, which
	 * says a next page exists) and the named row itself, which must come first (after) or
	 * last (before); empty when it does not.
	 */
	private Optional<Rows> read(Statement statement, ListPosition position) {
		List<UserRow> rows = this.jdbc.sql(statement.sql()).params(statement.parameters()).query(Users::row).list();
		int size = position.pageable().getPageSize();
		if (position.before() != null) {
			boolean found = !rows.isEmpty() && rows.get(rows.size() - 1).id() == position.before();
			return found ? Optional.of(new Rows(rows.subList(0, rows.size() - 1), true)) : Optional.empty();
		}
		if (position.after() != null) {
			if (rows.isEmpty() || rows.get(0).id() != position.after()) {
				return Optional.empty();
			}
			rows = rows.subList(1, rows.size());
		}
		return Optional.of((rows.size() > size) ? new Rows(rows.subList(0, size), true) : new Rows(rows, false));
	}

	/**
	 * The statement of a page (UsersListPlanIntegrationTests reads its plans). It reads
	 * the named row too, and going forward one row more than the page. The limit and
	 * offset, numbers the code chose, are written into the SQL: as parameters they kept
	 * PostgreSQL from ever using the statement's generic plan (docs/performance.md "Plans
	 * made once").
	 */
	static Statement pageStatement(AdministratorScope scope, String search, StatusFilter status,
			ListPosition position) {
		Map<String, Object> parameters = parameters(scope, search, status);
		Pageable pageable = position.pageable();
		parameters.put("key", position.key());
		int limit = pageable.getPageSize() + ((position.after() != null) ? 2 : 1);
		String page = (position.after() != null) ? FROM_KEY.formatted(limit) : (position.before() != null)
				? UP_TO_KEY.formatted(limit) : PAGE.formatted(limit, pageable.getOffset());
		return new Statement(COLUMNS + "select a.id, a.sort_key " + accounts(scope, search, status) + page, parameters);
	}

	/** The statement counting up to one more than {@link CappedPage#COUNT_LIMIT}. */
	static Statement countStatement(AdministratorScope scope, String search, StatusFilter status) {
		Map<String, Object> parameters = parameters(scope, search, status);
		return new Statement("select count(*) from (select 1 " + accounts(scope, search, status) + " limit "
				+ (CappedPage.COUNT_LIMIT + 1) + ") counted", parameters);
	}

	private static String accounts(AdministratorScope scope, String search, StatusFilter status) {
		return accounts(scope) + (search.isBlank() ? "" : MATCHING_SEARCH)
				+ (status == StatusFilter.ALL ? "" : WITH_STATUS);
	}

	private static Map<String, Object> parameters(AdministratorScope scope, String search, StatusFilter status) {
		Map<String, Object> parameters = new HashMap<>(scope.sqlParameters());
		parameters.put("pattern", SearchText.containsPattern(search));
		parameters.put("status", status.name());
		return parameters;
	}

	/**
	 * The emails of at most {@code limit} accounts in scope (as the list reads it) with
	 * this full name, regardless of case; Add Users resolves names with it.
	 */
	public List<String> emailsNamed(AdministratorScope scope, String fullName, int limit) {
		return this.jdbc
			.sql("select a.email " + accounts(scope) + " and lower(a.full_name) = lower(:name) limit :limit")
			.params(scope.sqlParameters())
			.param("name", fullName)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	private static String accounts(AdministratorScope scope) {
		return scope.everything() ? EVERY_LISTED_ACCOUNT : ACCOUNTS_IN_AREAS;
	}

	private static UserRow row(ResultSet rs, int row) throws SQLException {
		return new UserRow(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
				AccountStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("invited_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** SQL with named parameters. */
	record Statement(String sql, Map<String, Object> parameters) {
	}

	private record Rows(List<UserRow> shown, boolean hasNext) {
	}

}
