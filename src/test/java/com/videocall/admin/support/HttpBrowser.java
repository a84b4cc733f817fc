package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A minimal browser for a real server: keeps cookies, does not follow redirects, and
 * signs in through the sign-in form with its CSRF token, as a person would.
 */
public final class HttpBrowser {

	private final HttpClient client;

	private final String base;

	public HttpBrowser(int port) {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(Redirect.NEVER)
			.build();
		this.base = "http://localhost:" + port;
	}

	/** Signs in and checks that it worked. */
	public HttpBrowser signIn(String email, String password) {
		Page signInPage = get("/sign-in");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		form.put("password", password);
		form.put("_csrf", signInPage.document().selectFirst("input[name=_csrf]").val());
		Page result = post("/sign-in", form);
		assertThat(result.status()).as("sign-in of %s", email).isEqualTo(302);
		assertThat(result.location()).as("sign-in of %s", email).doesNotContain("error");
		return this;
	}

	/**
	 * A CSRF token of this browser's session, as a page's forms carry it, for POSTs of
	 * forms the test builds itself.
	 */
	public String csrfToken() {
		return get("/").document().selectFirst("input[name=_csrf]").val();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET());
	}

	public Page post(String path, Map<String, String> form) {
		return postEncoded(path,
				form.entrySet()
					.stream()
					.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
					.collect(Collectors.joining("&")));
	}

	/** A form POST whose body is sent as given, already URL-encoded (or not quite). */
	public Page postEncoded(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A response as the browser received it. */
	public record Page(int status, HttpHeaders headers, String body) {

		public Document document() {
			return Jsoup.parse(this.body);
		}

		public String location() {
			return this.headers.firstValue("Location").orElse("");
		}

		/**
		 * Where a redirect leads, as path and query (still encoded) without the server's
		 * address, which the servlet container adds.
		 */
		public String target() {
			URI location = URI.create(location());
			return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
		}

		/**
		 * The page without what differs on every rendering (the masked CSRF token of the
		 * sign-out form), for comparing two pages.
		 */
		public String comparableBody() {
			Document document = document();
			document.select("input[name=_csrf]").remove();
			return document.outerHtml();
		}

	}

}
