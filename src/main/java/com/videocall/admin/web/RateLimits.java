package com.videocall.admin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts events per key against a {@link RateLimit} in PostgreSQL, so that every instance
 * of the application shares the counts (S1). Each change is one atomic statement, safe
 * under concurrent requests on any number of instances. Keys are stored as SHA-256
 * digests (any text, NUL included, fits; no email or address is kept), and expired counts
 * are deleted at most once a minute per instance.
 */
@Component
public class RateLimits {

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

	public RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one event unless the key has used up its limit; false, counting nothing,
	 * when it has.
	 */
	public boolean tryAcquire(RateLimit limit, String key) {
		return upsert(limit, key, true);
	}

	/** Counts one event whatever the count. */
	public void record(RateLimit limit, String key) {
		upsert(limit, key, false);
	}

	/** Gives back one event, for one that turned out not to count. */
	public void release(RateLimit limit, String key) {
		this.jdbc.sql("""
				update rate_limit_counter set hits = hits - 1
				where limit_name = ? and key_hash = ? and hits > 0 and expires_at > ?
				""").params(limit.name(), digest(key), Timestamp.from(this.clock.instant())).update();
	}

	public void reset(RateLimit limit, String key) {
		this.jdbc.sql("delete from rate_limit_counter where limit_name = ? and key_hash = ?")
			.params(limit.name(), digest(key))
			.update();
	}

	/** The events counted for the key in its current window. */
	public int count(RateLimit limit, String key) {
		return this.jdbc
			.sql("select hits from rate_limit_counter where limit_name = ? and key_hash = ? and expires_at > ?")
			.params(limit.name(), digest(key), Timestamp.from(this.clock.instant()))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * One upsert: a key without a live count starts a window; with one, it counts on
	 * (only while under the maximum when {@code limited}, else no row comes back).
	 */
	private boolean upsert(RateLimit limit, String key, boolean limited) {
		Instant now = this.clock.instant();
		cleanUp(now);
		return this.jdbc.sql("""
				insert into rate_limit_counter as c (limit_name, key_hash, hits, expires_at)
				values (:name, :key, 1, :expires)
				on conflict (limit_name, key_hash) do update
				set hits = case when c.expires_at <= :now then 1 else c.hits + 1 end,
				    expires_at = case when c.expires_at <= :now then excluded.expires_at else c.expires_at end
				where c.expires_at <= :now or c.hits < :max or not :limited
				returning hits
				""")
			.param("name", limit.name())
			.param("key", digest(key))
			.param("expires", Timestamp.from(now.plus(limit.window())))
			.param("now", Timestamp.from(now))
			.param("max", limit.max())
			.param("limited", limited)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private void cleanUp(Instant now) {
		Instant due = this.nextCleanup.get();
		if (now.isBefore(due) || !this.nextCleanup.compareAndSet(due, now.plus(CLEANUP_INTERVAL))) {
			return;
		}
		this.jdbc.sql("delete from rate_limit_counter where expires_at <= ?").param(Timestamp.from(now)).update();
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
