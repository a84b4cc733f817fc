package com.videocall.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in a sliding window, in this instance's memory: enough to slow
 * down guessing from one place; several instances each keep their own count.
 */
public class RateLimiter {

	private static final int MAX_KEYS = 10_000;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

	public RateLimiter(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/** True when the key has used up its events in the current window. */
	public boolean isLimited(String key) {
		Deque<Instant> recent = this.events.get(key);
		if (recent == null) {
			return false;
		}
		synchronized (recent) {
			prune(recent, this.clock.instant());
			return recent.size() >= this.limit;
		}
	}

	public void record(String key) {
		Instant now = this.clock.instant();
		if (this.events.size() > MAX_KEYS) {
			this.events.values().removeIf((recent) -> {
				synchronized (recent) {
					prune(recent, now);
					return recent.isEmpty();
				}
			});
		}
		Deque<Instant> recent = this.events.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, now);
			recent.addLast(now);
		}
	}

	/** Records an event unless the key is limited; false when it is. */
	public boolean tryAcquire(String key) {
		if (isLimited(key)) {
			return false;
		}
		record(key);
		return true;
	}

	public void reset(String key) {
		this.events.remove(key);
	}

	private void prune(Deque<Instant> recent, Instant now) {
		Instant start = now.minus(this.window);
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
			recent.removeFirst();
		}
	}

}
