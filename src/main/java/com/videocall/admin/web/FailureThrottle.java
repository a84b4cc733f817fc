package com.videocall.admin.web;

import java.util.function.BooleanSupplier;

/**
 * Slows guessing down without letting anyone lock an account's owner out: of passwords at
 * sign-in ({@link SignInThrottle}) and of second-factor codes (SI8). With the defaults of
 * {@link SignInProperties}, within 15 minutes:
 * <ul>
 * <li>one address, one account: after 5 failures that address may not try that account
 * again, not even with the right answer; every other address still can;</li>
 * <li>one account, all addresses: after 20 failures (guessing spread over many addresses)
 * each address gets one failure for that account instead of 5, which slows a distributed
 * attack down while the owner, from an address that has not failed, still gets in;</li>
 * <li>one address, all accounts: after 50 failures, that address may not try at all; only
 * it is affected.</li>
 * </ul>
 * Each attempt is counted before its answer is checked, so parallel attempts cannot slip
 * past a limit, and handed back when it succeeds; success also clears that address's
 * failures for that account. Counts live in PostgreSQL ({@link RateLimits}) and hold
 * across instances (S1); each kind of answer counts under limits of its own name.
 */
public class FailureThrottle {

	private final RateLimits limits;

	private final RateLimit byAccountAndAddress;

	private final RateLimit byAccount;

	private final RateLimit byAddress;

	/**
	 * A throttle whose limits are named {@code name}{@code .account-address} and so on.
	 */
	public FailureThrottle(RateLimits limits, String name, SignInProperties properties) {
		this.limits = limits;
		this.byAccountAndAddress = new RateLimit(name + ".account-address", properties.failuresPerAccountAndAddress(),
				properties.window());
		this.byAccount = new RateLimit(name + ".account", properties.failuresPerAccount(), properties.window());
		this.byAddress = new RateLimit(name + ".address", properties.failuresPerAddress(), properties.window());
	}

	/**
	 * Counts an attempt on the account from the address before its answer is checked;
	 * false, counting nothing, when a limit refuses it.
	 */
	public boolean admit(String account, String address) {
		if (!this.limits.tryAcquire(this.byAddress, address)) {
			return false;
		}
		RateLimit pair = (this.limits.count(this.byAccount, account) >= this.byAccount.max())
				? this.byAccountAndAddress.withMax(1) : this.byAccountAndAddress;
		if (!this.limits.tryAcquire(pair, pair(account, address))) {
			this.limits.release(this.byAddress, address);
			return false;
		}
		this.limits.record(this.byAccount, account);
		return true;
	}

	/** What became of an attempt. */
	public enum Outcome {

		/** Right, and handed back. */
		RIGHT,

		/** Checked, and wrong: it counts. */
		WRONG,

		/** Refused by a limit before it was checked. */
		THROTTLED

	}

	/**
	 * One attempt on the account from the address: admitted or refused by the limits,
	 * then checked, and handed back if right.
	 */
	public Outcome attempt(String account, String address, BooleanSupplier check) {
		if (!admit(account, address)) {
			return Outcome.THROTTLED;
		}
		if (!check.getAsBoolean()) {
			return Outcome.WRONG;
		}
		succeeded(account, address);
		return Outcome.RIGHT;
	}

	/** Hands an admitted attempt back: it succeeded, so it was no failure. */
	public void succeeded(String account, String address) {
		this.limits.reset(this.byAccountAndAddress, pair(account, address));
		this.limits.release(this.byAccount, account);
		this.limits.release(this.byAddress, address);
	}

	private static String pair(String account, String address) {
		return address + " " + account;
	}

}
