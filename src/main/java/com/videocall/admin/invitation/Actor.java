package com.videocall.admin.invitation;

/**
 * The administrator who changes an invitation, and the page they do it from, which the
 * history keeps (X3).
 */
public record Actor(long accountId, String name, String sourcePage) {
}
