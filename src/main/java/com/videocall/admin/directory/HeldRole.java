package com.videocall.admin.directory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A role and the area it is held (or offered) in, for showing, with the last day of its
 * access (LC1; null: no end).
 */
public record HeldRole(Role role, long areaId, AreaKind areaKind, String areaName, LocalDate accessUntil) {

	public HeldRole(Role role, long areaId, AreaKind areaKind, String areaName) {
		this(role, areaId, areaKind, areaName, null);
	}

	/**
	 * From a row whose first five columns are the role, the area's id, kind and name and
	 * the end date.
	 */
	public static HeldRole of(ResultSet rs) throws SQLException {
		return new HeldRole(Role.valueOf(rs.getString(1)), rs.getLong(2), AreaKind.valueOf(rs.getString(3)),
				rs.getString(4), localDate(rs.getDate(5)));
	}

	/** A nullable SQL date as a day. */
	public static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
