package com.videocall.admin.mail;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sender address and delivery policy: a failed attempt is retried after
 * {@code firstRetry}, doubling each time up to {@code longestRetry}, until
 * {@code maxAttempts} have failed. Delivery runs only with {@code spring.mail.host} set.
 *
 * @param from sender of every email
 * @param dispatchInterval how long the outbox dispatcher waits after one round before the
 * next
 * @param firstRetry wait before the first retry of a failed delivery; it doubles with
 * each further failure
 * @param longestRetry longest wait between two attempts
 * @param maxAttempts attempts after which an email is given up as FAILED, with its reason
 */
@ConfigurationProperties("app.mail")
public record MailProperties(@DefaultValue("Video Call Admin <no-reply@videocall.example>") String from,
		@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration longestRetry, @DefaultValue("10") int maxAttempts) {

	Duration retryAfter(int failedAttempts) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
		return (delay.compareTo(this.longestRetry) > 0) ? this.longestRetry : delay;
	}

	/** The domain of the sender's address, the right-hand side of our Message-IDs. */
	String senderDomain() {
		try {
			String address = new InternetAddress(this.from).getAddress();
			return address.substring(address.indexOf('@') + 1);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("app.mail.from is not an email address: " + this.from, ex);
		}
	}

}
