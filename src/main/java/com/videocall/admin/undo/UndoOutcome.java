package com.videocall.admin.undo;

import java.util.List;

/**
 * What Undo restored: the people whose invitations have their roles back, and how many
 * invitations of the same removal were left as they are because they changed since.
 */
public record UndoOutcome(List<String> restored, int unchanged) {
}
