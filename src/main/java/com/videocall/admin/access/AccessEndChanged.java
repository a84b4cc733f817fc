package com.videocall.admin.access;

import java.time.Instant;
import java.time.LocalDate;

import com.videocall.admin.directory.Role;

/**
 * An administrator ({@code byAccountId}, from {@code sourcePage}) moved the end of a
 * granted role's access from {@code before} to {@code after} (null: no end) (LC1).
 * Published in the transaction of the change, for the activity trail.
 */
public record AccessEndChanged(long byAccountId, String sourcePage, long accountId, Role role, long areaId,
		LocalDate before, LocalDate after, Instant at) {
}
