package com.videocall.admin.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A visitor that writes HTTP/1.1 requests on a plain socket, exactly as given: unlike an
 * HTTP client library it sends any request target, so malformed percent-encodings and
 * invalid UTF-8 reach the server as they would from an attacker. Keeps its session cookie
 * and a CSRF token of that session, does not follow redirects, and connects from a local
 * address of its own (127.0.0.0/8) so that per-address limits count it apart (Java 17's
 * HttpClient cannot choose its local address). Extra headers, such as X-Forwarded-For, go
 * with every request. It opens a connection per request, so a {@link TcpBalancer} in
 * front of several servers sends each request to the next one.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private final int port;

	private final String localAddress;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String session;

	private String csrfToken;

	public RawHttp(int port, String localAddress) {
		this.port = port;
		this.localAddress = localAddress;
	}

	/**
	 * Sends the header with every following request; an {@code Accept} header replaces
	 * the browser's {@code text/html}.
	 */
	public RawHttp header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** Signs in through the sign-in form and checks that it worked. */
	public RawHttp signIn(String email, String password) {
		String target = trySignIn(email, password);
		if (!target.equals("/")) {
			throw new IllegalStateException("Sign-in of " + email + " failed: " + target);
		}
		this.csrfToken = csrfTokenOf(send("GET", "/", null));
		return this;
	}

	/**
	 * Fills in and sends the sign-in form of a new session; returns the path (and query)
	 * it redirects to, e.g. {@code /sign-in?error}.
	 */
	public String trySignIn(String email, String password) {
		startSession();
		return send("POST", "/sign-in", form("email", email, "password", password)).target();
	}

	/** Starts a new anonymous session and takes the CSRF token of its sign-in page. */
	public RawHttp startSession() {
		this.session = null;
		this.csrfToken = csrfTokenOf(send("GET", "/sign-in", null));
		return this;
	}

	public String session() {
		return this.session;
	}

	public String csrfToken() {
		return this.csrfToken;
	}

	/**
	 * GETs a page as a browser would, following no redirect: it must answer 200. Its
	 * forms' CSRF token becomes the one {@link #form} uses.
	 */
	public Document page(String target) {
		Response response = send("GET", target, null);
		if (response.status() != 200) {
			throw new IllegalStateException("GET " + target + " answered " + response.status());
		}
		Document page = Jsoup.parse(response.body());
		Element token = page.selectFirst("input[name=_csrf]");
		if (token != null) {
			this.csrfToken = token.val();
		}
		return page;
	}

	/**
	 * Sends a form of a page as pressing its submit button would, with the fields it
	 * holds (its own CSRF token among them), the given names set to the given values (as
	 * typing into them would): a GET form as a query in place of its action's, a POST
	 * form as a body sent to its action.
	 */
	public Response submit(Element form, String... namesAndValues) {
		List<String[]> data = new ArrayList<>();
		((FormElement) form).formData().forEach((field) -> data.add(new String[] { field.key(), field.value() }));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			String name = namesAndValues[i];
			data.removeIf((field) -> field[0].equals(name));
			data.add(new String[] { name, namesAndValues[i + 1] });
		}
		List<String> fields = data.stream().map((field) -> encode(field[0]) + "=" + encode(field[1])).toList();
		String action = form.attr("action");
		if ("post".equalsIgnoreCase(form.attr("method"))) {
			return send("POST", action, String.join("&", fields));
		}
		return send("GET", URI.create(action).getRawPath() + "?" + String.join("&", fields), null);
	}

	/**
	 * Sends the request; a body (already URL-encoded, or not quite) makes it a form
	 * submission.
	 */
	public Response send(String method, String target, String body) {
		return hold(method, target, body, 0).finish();
	}

	/**
	 * Sends the request but for the last {@code withheld} bytes of its body: the server
	 * has the request in hand and waits for the rest, which {@link Held#finish()} sends.
	 */
	public Held hold(String method, String target, String body, int withheld) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
		String type = (body != null) ? "application/x-www-form-urlencoded" : null;
		long length = (body != null || !"GET".equals(method)) ? content.length : -1;
		Socket socket = open(method, target, type, length);
		try {
			OutputStream out = socket.getOutputStream();
			out.write(content, 0, content.length - withheld);
			out.flush();
			return new Held(method + " " + target, socket,
					java.util.Arrays.copyOfRange(content, content.length - withheld, content.length));
		}
		catch (IOException ex) {
			close(socket);
			throw new UncheckedIOException(method + " " + target, ex);
		}
	}

	/**
	 * POSTs a form with a file field, as a browser sends one (multipart, no
	 * {@code Expect: 100-continue}): this session's CSRF token, then the field
	 * {@code file} holding {@code size} bytes of the letter a. The whole body is written
	 * before the answer is read, a piece at a time (no file of that size in memory), so a
	 * server that closes the connection before it has read the body fails the request, as
	 * a browser still sending the file shows its own error.
	 */
	public Response upload(String target, String fileName, long size) {
		String boundary = "RawHttpBoundary" + Long.toHexString(System.nanoTime());
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
		Socket socket = open("POST", target, "multipart/form-data; boundary=" + boundary,
				head.length + size + tail.length);
		try {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			byte[] piece = new byte[64 * 1024];
			java.util.Arrays.fill(piece, (byte) 'a');
			for (long left = size; left > 0; left -= piece.length) {
				out.write(piece, 0, (int) Math.min(piece.length, left));
			}
			out.write(tail);
			out.flush();
			return new Held("POST " + target, socket, new byte[0]).finish();
		}
		catch (IOException ex) {
			close(socket);
			throw new UncheckedIOException("POST " + target, ex);
		}
	}

	/**
	 * Connects and writes the request line and headers; a content type and a length of
	 * zero or more announce a body.
	 */
	private Socket open(String method, String target, String contentType, long length) {
		StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: localhost:").append(this.port).append("\r\n");
		if (!this.headers.containsKey("Accept")) {
			head.append("Accept: text/html\r\n");
		}
		head.append("Connection: close\r\n");
		this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (this.session != null) {
			head.append("Cookie: ").append(this.session).append("\r\n");
		}
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		if (length >= 0) {
			head.append("Content-Length: ").append(length).append("\r\n");
		}
		head.append("\r\n");
		Socket socket = new Socket();
		try {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.localAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			return socket;
		}
		catch (IOException ex) {
			close(socket);
			throw new UncheckedIOException(method + " " + target, ex);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing more to read from it.
		}
	}

	/** A request on its way: {@link #finish()} sends the rest and reads the answer. */
	public final class Held {

		private final String request;

		private final Socket socket;

		private final byte[] rest;

		private Held(String request, Socket socket, byte[] rest) {
			this.request = request;
			this.socket = socket;
			this.rest = rest;
		}

		public Response finish() {
			try {
				OutputStream out = this.socket.getOutputStream();
				out.write(this.rest);
				out.flush();
				Response response = Response.parse(this.socket.getInputStream());
				response.headers("set-cookie")
					.stream()
					.filter((cookie) -> cookie.startsWith(SessionCookie.NAME + "="))
					.findFirst()
					.ifPresent((cookie) -> RawHttp.this.session = cookie.substring(0, cookie.indexOf(';')));
				return response;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.request, ex);
			}
			finally {
				close(this.socket);
			}
		}

	}

	/** The body of a form with this session's CSRF token, the values URL-encoded. */
	public String form(String... namesAndValues) {
		StringBuilder body = new StringBuilder("_csrf=").append(this.csrfToken);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.append('&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
		}
		return body.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String csrfTokenOf(Response page) {
		Element input = Jsoup.parse(page.body()).selectFirst("input[name=_csrf]");
		if (input == null) {
			throw new IllegalStateException("No CSRF token on the page (" + page.status() + ")");
		}
		return input.val();
	}

	/** A response as it came: status, header lines and the (de-chunked) body. */
	public record Response(int status, List<String> headerLines, String body) {

		public List<String> headers(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headerLines.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).strip())
				.toList();
		}

		public String location() {
			return headers("location").stream().findFirst().orElse("");
		}

		/**
		 * Where a redirect leads, as path and query (still encoded) without the server's
		 * address.
		 */
		public String target() {
			URI target = URI.create(location());
			return target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
		}

		static Response parse(InputStream in) throws IOException {
			byte[] all = in.readAllBytes();
			String text = new String(all, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IOException("Incomplete response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
			byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
			boolean chunked = headers.stream()
				.anyMatch((line) -> line.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked"));
			return new Response(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < body.length) {
				int lineEnd = at;
				while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
					lineEnd++;
				}
				String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				out.write(body, lineEnd + 2, size);
				at = lineEnd + 2 + size + 2;
			}
			return out.toByteArray();
		}

	}

}
