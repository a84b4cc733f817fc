package com.videocall.admin.web;

/**
 * A signed-in account as the shell reads it from Spring Security's principal: its id, for
 * the sign-in events ({@link SignInEvents}) and the {@link SecurityLog}, without the
 * shell depending on the module that holds accounts. Its email is the principal's name.
 */
public interface AccountPrincipal {

	long accountId();

}
