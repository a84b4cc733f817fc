package com.videocall.admin.web;

import java.time.Duration;

/**
 * A limit on how often something may happen per key (a client address, an account): at
 * most {@code max} times in a window that opens with the key's first counted event.
 */
public record RateLimit(String name, int max, Duration window) {

	public RateLimit {
		if (max < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A limit allows at least one event in a positive window");
		}
	}

	/** The same count under a lower or higher maximum. */
	public RateLimit withMax(int max) {
		return new RateLimit(this.name, max, this.window);
	}

}
