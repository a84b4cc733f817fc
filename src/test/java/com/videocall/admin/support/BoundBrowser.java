package com.videocall.admin.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.videocall.admin.support.HttpBrowser.Page;

/**
 * A browser for a real server whose connections leave from a chosen loopback address
 * (Linux answers on all of 127.0.0.0/8) and carry extra headers of its choosing: for what
 * the server makes of a client's address and its X-Forwarded-For, which MockMvc cannot
 * show. Java 17's HttpClient cannot choose its local address, so this speaks HTTP/1.0
 * over a socket, one request per connection. Keeps cookies; follows no redirects.
 */
public final class BoundBrowser {

	private final int port;

	private final InetAddress local;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public BoundBrowser(int port, String localAddress) {
		this.port = port;
		try {
			this.local = InetAddress.getByName(localAddress);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(localAddress, ex);
		}
	}

	/** Sends the header with every following request. */
	public BoundBrowser header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Fills in and sends the sign-in form, with its CSRF token; returns the path (and
	 * query) it redirects to.
	 */
	public String signIn(String email, String password) {
		Page signInPage = get("/sign-in");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		form.put("password", password);
		form.put("_csrf", signInPage.document().selectFirst("input[name=_csrf]").val());
		URI target = URI.create(post("/sign-in", form).location());
		return target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
	}

	public Page get(String path) {
		return send("GET " + path, null);
	}

	public Page post(String path, Map<String, String> form) {
		return send("POST " + path,
				form.entrySet()
					.stream()
					.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
					.collect(Collectors.joining("&")));
	}

	private Page send(String requestLine, String form) {
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\n");
		request.append("Host: localhost:").append(this.port).append("\r\nAccept: text/html\r\n");
		this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (!this.cookies.isEmpty()) {
			request.append("Cookie: ")
				.append(this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")))
				.append("\r\n");
		}
		byte[] body = (form != null) ? form.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (form != null) {
			request.append("Content-Type: application/x-www-form-urlencoded\r\n");
			request.append("Content-Length: ").append(body.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), this.port, this.local, 0)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return read(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Page read(String response) {
		int end = response.indexOf("\r\n\r\n");
		String[] lines = response.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			String name = lines[i].substring(0, lines[i].indexOf(':'));
			String value = lines[i].substring(name.length() + 1).strip();
			headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			if (name.equalsIgnoreCase("Set-Cookie")) {
				String cookie = value.split(";", 2)[0];
				this.cookies.put(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1));
			}
		}
		return new Page(status, HttpHeaders.of(headers, (name, value) -> true), response.substring(end + 4));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
