package com.videocall.admin.access;

import java.time.Instant;
import java.time.LocalDate;

import com.videocall.admin.directory.Role;

/**
 * A granted role's access ended at the end of its last day {@code accessUntil} (LC1): the
 * system took it away {@code at} that moment. Published in the transaction that removed
 * it, for the activity trail.
 */
public record AccessEnded(long accountId, Role role, long areaId, LocalDate accessUntil, Instant at) {
}
