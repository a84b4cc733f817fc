package com.videocall.admin.directory;

/**
 * One area as lists and pages show it; {@code parentName} is the unit it belongs to, if
 * any.
 */
public record AreaSummary(long id, AreaKind kind, String name, String parentName) {
}
