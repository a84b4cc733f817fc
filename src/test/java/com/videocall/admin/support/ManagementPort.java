package com.videocall.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator's tools read on the management port (127.0.0.1): health, probes and
 * the metrics in Prometheus's text format.
 */
public final class ManagementPort {

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public ManagementPort(int port) {
		this.port = port;
	}

	/** Status and body of a GET of the path. */
	public Answer get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The metrics, as Prometheus scrapes them. */
	public String metrics() {
		Answer answer = get("/actuator/prometheus");
		if (answer.status() != 200) {
			throw new IllegalStateException("Metrics answered " + answer.status());
		}
		return answer.body();
	}

	/** The value of the metric's only series, e.g. {@code videocall_outbox_backlog}. */
	public double metric(String name) {
		String metrics = metrics();
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		if (!sample.find()) {
			throw new AssertionError("No metric " + name + " in\n" + metrics);
		}
		return Double.parseDouble(sample.group(1));
	}

	public record Answer(int status, String body) {
	}

}
