package com.videocall.admin.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code user_import} and {@code user_import_row} (V29): an upload's rows,
 * what the preview decided for each and what its import did.
 */
@Repository
class ImportStore {

	private static final String ROW_COLUMNS = "line, email, full_name, area, roles, access_until, message, planned, "
			+ "result";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ImportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long save(long administratorId, Long areaId, String fileName, List<RowPlan> plans, Instant now) {
		long id = this.jdbc.sql("""
				insert into user_import (administrator_id, area_id, file_name, status, row_count, created_at)
				values (?, ?, ?, 'PREVIEWED', ?, ?) returning id
				""")
			.params(administratorId, areaId, fileName, plans.size(), Timestamp.from(now))
			.query(Long.class)
			.single();
		this.template.batchUpdate("""
				insert into user_import_row (import_id, line, email, full_name, area, roles, access_until, message,
				    planned) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", plans, 1000, (statement, plan) -> {
			ImportRow row = plan.row();
			statement.setLong(1, id);
			statement.setInt(2, row.line());
			statement.setString(3, row.email());
			statement.setString(4, row.name());
			statement.setString(5, row.area());
			statement.setString(6, row.roles());
			statement.setString(7, row.accessUntil());
			statement.setString(8, row.message());
			statement.setString(9, plan.outcome().name());
		});
		return id;
	}

	Optional<ImportSummary> find(long id) {
		return this.jdbc.sql("""
				select i.id, i.administrator_id, i.area_id, i.file_name, i.status, i.row_count,
				       (select count(*) from user_import_row r where r.import_id = i.id and r.result is not null)
				from user_import i where i.id = ?
				""").param(id).query((rs, n) -> summary(rs)).optional();
	}

	/** How many rows were planned (before the import) or ended (after it) each way. */
	Map<RowOutcome, Integer> counts(long id, boolean results) {
		Map<RowOutcome, Integer> counts = new EnumMap<>(RowOutcome.class);
		String column = results ? "result" : "planned";
		this.jdbc
			.sql("select " + column + ", count(*) from user_import_row where import_id = ? and " + column
					+ " is not null group by 1")
			.param(id)
			.query((rs) -> {
				counts.put(RowOutcome.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	/** A page of rows, those with a problem first, then in the file's order. */
	List<StoredRow> rows(long id, int offset, int limit) {
		return this.jdbc
			.sql("select " + ROW_COLUMNS + " from user_import_row where import_id = ? "
					+ "order by (planned in ('INVITED', 'EXTENDED', 'GRANTED', 'UNCHANGED')), line limit ? offset ?")
			.params(id, limit, offset)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Every row in the file's order, for the results file. */
	void eachRow(long id, java.util.function.Consumer<StoredRow> action) {
		this.jdbc.sql("select " + ROW_COLUMNS + " from user_import_row where import_id = ? order by line")
			.param(id)
			.query((rs) -> {
				action.accept(row(rs));
			});
	}

	/**
	 * Claims the previewed import for importing: true once, for the first of any number
	 * of requests on any instance; its rows with a problem are done at once.
	 */
	boolean claim(long id, Instant now) {
		if (this.jdbc
			.sql("update user_import set status = 'IMPORTING', started_at = ? where id = ? "
					+ "and status = 'PREVIEWED'")
			.params(Timestamp.from(now), id)
			.update() == 0) {
			return false;
		}
		this.jdbc
			.sql("update user_import_row set result = planned, done_at = ? where import_id = ? and planned not in "
					+ "('INVITED', 'EXTENDED', 'GRANTED', 'UNCHANGED')")
			.params(Timestamp.from(now), id)
			.update();
		return true;
	}

	/**
	 * The next row of the share to import, locked until the caller's transaction ends;
	 * rows another thread holds are skipped.
	 */
	Optional<StoredRow> nextToImport(long id, ImportWorker.Share share) {
		return this.jdbc.sql("select " + ROW_COLUMNS + " from user_import_row where import_id = ? and result is null "
				+ "and mod(abs(hashtext(lower(email))::bigint), ?) = ? order by line limit 1 for update skip locked")
			.params(id, share.parts(), share.part())
			.query((rs, n) -> row(rs))
			.optional();
	}

	/**
	 * Whether the row is still to be imported, locked until the caller's transaction
	 * ends.
	 */
	boolean lockIfToDo(long id, int line) {
		return !this.jdbc
			.sql("select 1 from user_import_row where import_id = ? and line = ? and result is null " + "for update")
			.params(id, line)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	void record(long id, int line, RowOutcome result, Instant now) {
		this.jdbc
			.sql("update user_import_row set result = ?, done_at = ? where import_id = ? and line = ? "
					+ "and result is null")
			.params(result.name(), Timestamp.from(now), id, line)
			.update();
	}

	/** Ends the import once no row is left to do; true when this call ended it. */
	boolean finishIfDone(long id, Instant now) {
		return this.jdbc.sql("""
				update user_import set status = 'IMPORTED', finished_at = ? where id = ? and status = 'IMPORTING'
				and not exists (select 1 from user_import_row r where r.import_id = ? and r.result is null)
				""").params(Timestamp.from(now), id, id).update() == 1;
	}

	/**
	 * Imports that stopped (their instance ended): importing, and no row done since
	 * {@code before}.
	 */
	List<Long> stalled(Instant before) {
		return this.jdbc.sql("""
				select i.id from user_import i where i.status = 'IMPORTING'
				and coalesce((select max(r.done_at) from user_import_row r where r.import_id = i.id), i.started_at) < ?
				""").param(Timestamp.from(before)).query(Long.class).list();
	}

	boolean delete(long id, long administratorId) {
		return this.jdbc.sql("delete from user_import where id = ? and administrator_id = ? and status = 'PREVIEWED'")
			.params(id, administratorId)
			.update() == 1;
	}

	/** Drops previews nobody imported and imports that ended, each after its time. */
	int deleteOld(Instant previewsBefore, Instant importsBefore) {
		return this.jdbc.sql("""
				delete from user_import where (status = 'PREVIEWED' and created_at < ?)
				or (status = 'IMPORTED' and finished_at < ?)
				""").params(Timestamp.from(previewsBefore), Timestamp.from(importsBefore)).update();
	}

	private static ImportSummary summary(ResultSet rs) throws SQLException {
		long area = rs.getLong(3);
		return new ImportSummary(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : area, rs.getString(4),
				ImportSummary.Status.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7));
	}

	private static StoredRow row(ResultSet rs) throws SQLException {
		String result = rs.getString(9);
		return new StoredRow(
				new ImportRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7)),
				RowOutcome.valueOf(rs.getString(8)), (result != null) ? RowOutcome.valueOf(result) : null);
	}

}
