package com.videocall.admin.account;

/**
 * Whether an account has set up a second factor (SI1). Second factors are the sign-in
 * module's business, and it builds on this module, so it implements this and sign-in only
 * asks.
 */
public interface SecondFactors {

	boolean anySetUpBy(long accountId);

}
