package com.videocall.admin.worklist;

import java.time.Instant;

/**
 * An administrator exported the Pending Invitations list (P4): {@code rows} rows, of the
 * area {@code areaId} or (null) of everything in their scope. Published once the file is
 * written, for the activity trail.
 */
public record PendingInvitationsExported(long byAccountId, Long areaId, long rows, Instant at) {
}
