package com.videocall.admin.account;

/**
 * Whether an account holds a role that gives administrator rights. Roles are the
 * directory's business, and the directory builds on this module, so the directory
 * implements this and sign-in only asks.
 */
public interface AdministratorRoles {

	boolean anyHeldBy(long accountId);

}
