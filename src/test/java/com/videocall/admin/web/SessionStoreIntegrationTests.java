package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SessionCookie;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sessions in PostgreSQL (S1). What they cost a page view: a signed-in administrator's
 * page reads the session once, by its id (not again after saving it, which Spring
 * Session's filter does when the response was committed before the request ended:
 * {@link WholeResponseFilter}) and writes only its last-access time, at most once a
 * minute ({@link SessionConfiguration}); attributes are written only when they change
 * (sign-in, a new CSRF token, a banner), never on every request, and the banners of
 * redirects not followed are kept ten at most ({@link BoundedFlashMaps}). And a session
 * that this build cannot read (written by another build during a rolling upgrade) asks
 * its owner to sign in again rather than failing.
 */
@IntegrationTest
class SessionStoreIntegrationTests {

	private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	@Autowired
	MockMvc mvc;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Autowired
	PlatformTransactionManager transactions;

	/** The style sheet and the script a page loads ask nothing of the session store. */
	@Test
	void readsNoSessionForThePagesStyleSheetAndScript() throws Exception {
		SessionCookie session = signIn();
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());

		for (String asset : List.of("/css/app.css", "/js/app.js")) {
			assertThat(this.statements
				.sessionStoreStatements(() -> this.mvc.perform(get(asset).with(session)).andExpect(status().isOk())))
				.as(asset)
				.isEmpty();
		}
	}

	@Test
	void readsTheSessionAndUpdatesOnlyItsLastAccessOnAPageView() throws Exception {
		SessionCookie session = signIn();
		// The first page after sign-in stores the session's new CSRF token.
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());

		List<String> pageView = this.statements
			.sessionStoreStatements(() -> this.mvc.perform(get("/users").with(session)).andExpect(status().isOk()));

		assertThat(pageView).hasSize(2);
		assertThat(pageView.get(0).strip()).startsWithIgnoringCase("select")
			.containsIgnoringCase("where S.SESSION_ID = ?");
		assertThat(pageView.get(1).strip()).startsWithIgnoringCase("update SPRING_SESSION ")
			.containsIgnoringCase("LAST_ACCESS_TIME")
			.containsIgnoringCase("where S.PRIMARY_ID = V.PRIMARY_ID");
	}

	@Test
	void writesTheLastAccessTimeOnceAMinuteNotOnEveryPageView() throws Exception {
		SessionCookie session = signIn();
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());
		SessionRow written = sessionRow(session);

		// Page views within the minute: the row is not written at all (no new row
		// version).
		this.mvc.perform(get("/users").with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());
		assertThat(sessionRow(session)).isEqualTo(written);

		// A minute after the last write, the next page view writes the time it was
		// viewed.
		long aMinuteAgo = System.currentTimeMillis() - 61_000;
		this.jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? + 1800000 where session_id = ?")
			.params(aMinuteAgo, aMinuteAgo, session.id())
			.update();
		long before = System.currentTimeMillis();
		this.mvc.perform(get("/users").with(session)).andExpect(status().isOk());
		SessionRow rewritten = sessionRow(session);
		assertThat(rewritten.lastAccess()).isBetween(before, System.currentTimeMillis());
		assertThat(rewritten.expiry()).isEqualTo(rewritten.lastAccess() + 1_800_000);
	}

	@Test
	void asksToSignInAgainWhenTheSessionWasWrittenByAnotherBuild() throws Exception {
		SessionCookie session = signIn();
		this.mvc.perform(get("/users").with(session)).andExpect(status().isOk());

		// What an instance of a build with other classes wrote: bytes this one cannot
		// read.
		int changed = this.jdbc.sql("""
				update spring_session_attributes set attribute_bytes = ?
				where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id =
				      (select primary_id from spring_session where session_id = ?)
				""").params(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 1, 'X' }, session.id()).update();
		assertThat(changed).isOne();

		this.mvc.perform(get("/users").with(session)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void keepsTheNewestTenBannersOfRedirectsNotFollowed() throws Exception {
		SessionCookie session = signIn(SignIn.ADMIN);
		List<Long> invitations = this.jdbc.sql("select id from invitation order by id limit 12")
			.query(Long.class)
			.list();
		assertThat(invitations).hasSize(12);
		List<String> redirects = new ArrayList<>();
		// A stale form for each of 12 dialogs (pending or ended): each POST changes
		// nothing
		// and redirects to its own dialog with a banner.
		for (long invitation : invitations) {
			redirects.add(
					this.mvc
						.perform(post("/users/invitations/" + invitation + "/reminder").param("version", "-1")
							.with(csrf())
							.with(session))
						.andExpect(status().isFound())
						.andReturn()
						.getResponse()
						.getRedirectedUrl());
		}

		byte[] stored = this.jdbc.sql("""
				select attribute_bytes from spring_session_attributes
				where attribute_name = ? and session_primary_id =
				      (select primary_id from spring_session where session_id = ?)
				""").params(FLASH_MAPS, session.id()).query(byte[].class).single();
		assertThat((List<?>) new DeserializingConverter().convert(stored)).hasSize(10);
		Document newest = Browser.page(this.mvc.perform(get(redirects.get(11)).with(session)).andReturn());
		assertThat(newest.select(".banner").text()).isNotEmpty();
		Document dropped = Browser.page(this.mvc.perform(get(redirects.get(1)).with(session)).andReturn());
		assertThat(dropped.select(".banner")).isEmpty();
	}

	@Test
	void takesTheSameAttributeAddedByTwoRequestsAtOnce() {
		SessionRepository<Session> repository = repository();
		Session created = savedNewSession(repository);
		// Two requests of the session read it before either saves, and both add the
		// banner.
		Session first = repository.findById(created.getId());
		Session second = repository.findById(created.getId());
		first.setAttribute("banner", "first");
		second.setAttribute("banner", "second");

		repository.save(first);
		repository.save(second);

		assertThat(repository.findById(created.getId()).<String>getAttribute("banner")).isEqualTo("second");
		repository.deleteById(created.getId());
	}

	@Test
	void savesTheSessionWhileAReadOnlyTransactionOfTheApplicationRuns() {
		SessionRepository<Session> repository = repository();
		Session created = savedNewSession(repository);
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);

		// As the CSV export does: its response, and with it the session, is committed
		// while it streams rows in a read-only transaction.
		readOnly.executeWithoutResult((status) -> {
			Session read = repository.findById(created.getId());
			read.setAttribute("banner", "saved");
			repository.save(read);
		});

		assertThat(repository.findById(created.getId()).<String>getAttribute("banner")).isEqualTo("saved");
		repository.deleteById(created.getId());
	}

	@SuppressWarnings("unchecked")
	private SessionRepository<Session> repository() {
		return (SessionRepository<Session>) this.sessions;
	}

	private static Session savedNewSession(SessionRepository<Session> repository) {
		Session created = repository.createSession();
		repository.save(created);
		return created;
	}

	private SessionRow sessionRow(SessionCookie session) {
		return this.jdbc
			.sql("select xmin::text as version, last_access_time, expiry_time from spring_session where session_id = ?")
			.param(session.id())
			.query((rs, row) -> new SessionRow(rs.getString("version"), rs.getLong("last_access_time"),
					rs.getLong("expiry_time")))
			.single();
	}

	/** The session's row: its row version (PostgreSQL's xmin) and its times. */
	private record SessionRow(String version, long lastAccess, long expiry) {
	}

	private SessionCookie signIn() throws Exception {
		return signIn(SignIn.ROOM_ADMIN);
	}

	private SessionCookie signIn(String email) throws Exception {
		SessionCookie session = new SessionCookie();
		this.mvc.perform(
				post("/sign-in").param("email", email).param("password", "demo-password").with(csrf()).with(session))
			.andExpect(redirectedUrl("/"))
			.andDo(session);
		return session;
	}

}
