package com.videocall.admin.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a page as a whole, once it is rendered, so that the session is read once per
 * request (S1; issue 10's statement count).
 * <p>
 * Spring Session saves the session when the response is committed, or at the latest when
 * the request ends; when both happen it reads the session from the database a second
 * time, after saving it, only to decide whether to set the cookie. Every page committed
 * its response before the end: Thymeleaf flushes its writer when a template is rendered,
 * and a page above Tomcat's 8 KiB buffer is committed by its size. Here, between Spring
 * Session and everything else, a response gets a 64 KiB buffer and the writer's and
 * stream's {@code flush()} do nothing, so a page commits when the request ends: one read,
 * one update of the session's last access, and a {@code Content-Length} instead of
 * chunks. A longer body (the CSV export) still streams: Tomcat sends each full buffer.
 * {@link HttpServletResponse#flushBuffer()}, an explicit request to commit, still
 * commits.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class WholeResponseFilter extends OncePerRequestFilter {

	private static final int BUFFER_SIZE = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setBufferSize(BUFFER_SIZE);
		chain.doFilter(request, new FlushOnlyAtTheEnd(response));
	}

	private static final class FlushOnlyAtTheEnd extends HttpServletResponseWrapper {

		private PrintWriter writer;

		private ServletOutputStream stream;

		FlushOnlyAtTheEnd(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(super.getWriter(), false) {
					@Override
					public void flush() {
					}
				};
			}
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new UnflushedStream(super.getOutputStream());
			}
			return this.stream;
		}

	}

	private static final class UnflushedStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		UnflushedStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
