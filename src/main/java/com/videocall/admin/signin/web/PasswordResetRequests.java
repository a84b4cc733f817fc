package com.videocall.admin.signin.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.signin.PasswordResetProperties;
import com.videocall.admin.signin.PasswordResets;
import com.videocall.admin.web.RateLimit;
import com.videocall.admin.web.RateLimits;
import com.videocall.admin.web.SecurityLog;
import com.videocall.admin.web.SecurityLog.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Does the work of a "Forgot your password?" request after its page has answered (SI8,
 * SI9): finding the account, counting the request against the account's limit, storing
 * the link and queuing its email happen only when an account uses the address, so done
 * while the request waited they would make its answer slower for an address that has an
 * account than for one that has none. Here they run on a thread of their own, one request
 * after another in the order they came, and every request is answered after the same
 * work: its client address counted, and the request handed over.
 * <p>
 * What waits here is in memory: an instance that dies loses the requests it had not done
 * yet (the person asks again; no email is lost once queued, X6). At most
 * {@value #WAITING_AT_MOST} wait; more are dropped with a WARN line, so a flood from many
 * addresses cannot exhaust the memory. On shutdown, those waiting are done first (at most
 * {@link #SHUTDOWN_PATIENCE}), before the database pool closes.
 */
@Component
class PasswordResetRequests implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResetRequests.class);

	static final int WAITING_AT_MOST = 1_000;

	private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(30);

	private final PasswordResets resets;

	private final RateLimits limits;

	/**
	 * Emails per account, whoever asks: nobody may flood an inbox from many addresses.
	 */
	private final RateLimit perAccount;

	private final ThreadPoolExecutor worker;

	private final SecurityLog securityLog;

	PasswordResetRequests(PasswordResets resets, RateLimits limits, PasswordResetProperties properties,
			SecurityLog securityLog) {
		this.resets = resets;
		this.limits = limits;
		this.securityLog = securityLog;
		this.perAccount = new RateLimit("password-reset.account", properties.requestsPerAccount(),
				properties.requestWindow());
		this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING_AT_MOST),
				(task) -> {
					Thread thread = new Thread(task, "password-reset");
					thread.setDaemon(true);
					return thread;
				}, (task, executor) -> logger
					.warn("A \"Forgot your password?\" request was dropped: {} are waiting already", WAITING_AT_MOST));
	}

	/**
	 * Emails a link to the account that uses the email typed, if one does and it is
	 * within its limit; later. Log lines carry the request's id.
	 */
	void submit(String email) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		this.worker.execute(() -> {
			if (context != null) {
				MDC.setContextMap(context);
			}
			try {
				send(email);
			}
			catch (RuntimeException ex) {
				logger.error("A \"Forgot your password?\" request failed", ex);
			}
			finally {
				MDC.clear();
			}
		});
	}

	private void send(String email) {
		Optional<Long> account = this.resets.accountUsing(email);
		if (account.isEmpty()) {
			return;
		}
		long id = account.get();
		if (!this.limits.tryAcquire(this.perAccount, "account " + id)) {
			this.securityLog.write(Action.PASSWORD_RESET_THROTTLED,
					"no link: %d were sent within %s".formatted(this.perAccount.max(), this.perAccount.window()),
					SecurityLog.User.account(id));
			return;
		}
		this.resets.sendLink(id);
		logger.info("Password reset link queued for account {}", id);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.worker.shutdown();
		if (!this.worker.awaitTermination(SHUTDOWN_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
			logger.warn("\"Forgot your password?\" requests were left undone at shutdown: {}",
					this.worker.shutdownNow().size());
		}
	}

}
