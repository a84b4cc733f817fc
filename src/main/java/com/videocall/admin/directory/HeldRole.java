package com.videocall.admin.directory;

/** A role and the area it is held (or offered) in, for showing. */
public record HeldRole(Role role, long areaId, AreaKind areaKind, String areaName) {
}
