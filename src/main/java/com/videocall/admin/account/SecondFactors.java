package com.videocall.admin.account;

/**
 * Whether an account has set up a second factor (SI1), and resetting it when the person
 * lost it (SI4). Second factors are the sign-in module's business, and it builds on this
 * module, so it implements this and the modules that show people only ask.
 */
public interface SecondFactors {

	boolean anySetUpBy(long accountId);

	/**
	 * Removes the account's second factors, so that its next sign-in sets up a new one;
	 * ends its signed-in sessions and emails the person. {@code byAccountId} is the
	 * administrator who does it. False if it had none.
	 */
	boolean reset(long accountId, String email, long byAccountId);

}
