package com.videocall.admin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer at the level of connections, as many are: each connection it accepts
 * goes to the next of its backends in turn, and it remembers which, so a test can count
 * the connections each backend served. It connects to the backend from the client's own
 * address (any 127.x.y.z is this machine), so a backend sees every client apart, as
 * behind a transparent proxy. With one backend it is a relay, e.g. in front of the SMTP
 * server, that can also slow down what the client sends ({@link #slowDown}). Written here
 * because no library of the test classpath offers a TCP proxy; it stops when closed.
 */
public final class TcpBalancer implements AutoCloseable {

	private static final int CHUNK = 8192;

	private final List<Integer> backends;

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool((work) -> {
		Thread thread = new Thread(work, "tcp-balancer");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Integer> served = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger open = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	/** Listens on a free port of 127.0.0.1 for connections to the given local ports. */
	public TcpBalancer(Integer... backends) {
		this.backends = List.of(backends);
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.execute(this::accept);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Holds each piece a client sends for this long before passing it on: an SMTP
	 * conversation of a dozen exchanges then takes a dozen times as long.
	 */
	public void slowDown(Duration delay) {
		this.delay = delay;
	}

	/** The backend (its index) of each connection so far, in the order they came. */
	public List<Integer> served() {
		synchronized (this.served) {
			return List.copyOf(this.served);
		}
	}

	/** How many connections each backend has served, by index. */
	public List<Integer> servedPerBackend() {
		List<Integer> all = served();
		List<Integer> counts = new ArrayList<>();
		for (int backend = 0; backend < this.backends.size(); backend++) {
			int index = backend;
			counts.add((int) all.stream().filter((served) -> served == index).count());
		}
		return counts;
	}

	/** Connections under way right now. */
	public int open() {
		return this.open.get();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				int backend;
				synchronized (this.served) {
					backend = this.served.size() % this.backends.size();
					this.served.add(backend);
				}
				this.threads.execute(() -> forward(client, this.backends.get(backend)));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void forward(Socket client, int port) {
		this.open.incrementAndGet();
		try (client; Socket backend = new Socket()) {
			backend.bind(new InetSocketAddress(client.getInetAddress(), 0));
			backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			Future<?> answers = this.threads.submit(() -> pipe(backend, client, false));
			pipe(client, backend, true);
			answers.get(1, TimeUnit.MINUTES);
		}
		catch (IOException | ExecutionException | TimeoutException ex) {
			// The backend is down or a side hung up: the client sees the connection
			// close.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.open.decrementAndGet();
		}
	}

	/** Copies until the sender has finished, then tells the receiver so. */
	private void pipe(Socket from, Socket to, boolean fromClient) {
		byte[] buffer = new byte[CHUNK];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (fromClient && !this.delay.isZero()) {
					Thread.sleep(this.delay.toMillis());
				}
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// A side hung up or broke off: so does the other, at once.
			closeQuietly(from);
			closeQuietly(to);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

}
