package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.support.ClientAddresses;
import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.ServerIntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.web.AccessRoutes.Call;
import com.videocall.admin.web.AccessRoutes.Route;
import com.videocall.admin.web.MatrixOrganisation.Actor;
import com.videocall.admin.web.MatrixOrganisation.Ids;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix (X1): every route the controllers map × every actor (anonymous, each
 * kind of administrator, an account without administrator rights) × ids in scope, out of
 * scope and missing gets the status {@link AccessRoutes} expects; and a record outside
 * scope gets exactly the response of one that does not exist. Statuses come from MockMvc
 * (quick, and a client address per request keeps the per-address limits out of the way);
 * the responses for out of scope and missing are compared on the real server, where error
 * pages are rendered.
 */
@ServerIntegrationTest
class AccessMatrixIntegrationTests {

	/** The matrix's organisation, planted once for the shared application. */
	private static MatrixOrganisation organisation;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	TestOrganisation testOrganisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void coversEveryRouteTheControllersMap() {
		Set<String> mapped = new TreeSet<>();
		this.controllers.getHandlerMethods().forEach((mapping, handler) -> {
			if (ErrorController.class.isAssignableFrom(handler.getBeanType())) {
				return;
			}
			Set<String> methods = mapping.getMethodsCondition()
				.getMethods()
				.stream()
				.map(Enum::name)
				.collect(Collectors.toSet());
			for (String method : methods.isEmpty() ? Set.of("ANY") : methods) {
				mapping.getPatternValues().forEach((pattern) -> mapped.add(method + " " + pattern));
			}
		});
		assertThat(mapped).as("routes the controllers map; each needs a row in AccessRoutes")
			.containsExactlyInAnyOrderElementsOf(AccessRoutes.TABLE.keySet());
	}

	@Test
	void answersEveryRouteForEveryActorAndIdAsTheTableSays() throws Exception {
		SoftAssertions softly = new SoftAssertions();
		Map<Ids, Integer> sent = new EnumMap<>(Ids.class);
		int notApplicable = 0;
		for (Route route : AccessRoutes.TABLE.values()) {
			for (Actor actor : Actor.values()) {
				for (AreaKind kind : route.kinds()) {
					for (Ids ids : route.ids()) {
						int expected = route.expectedStatus(actor, ids);
						// A request that would change something acts on records made for
						// it.
						boolean acts = route.method() == HttpMethod.POST && route.access().admits(actor)
								&& ids == Ids.IN_SCOPE;
						Optional<Call> call = route.call(new MatrixSubject(organisation(), actor, ids, kind, acts));
						if (call.isEmpty()) {
							notApplicable++;
							continue;
						}
						MockHttpServletResponse response = this.mvc.perform(request(call.get(), actor))
							.andReturn()
							.getResponse();
						String what = describe(actor, ids, kind, call.get());
						softly.assertThat(response.getStatus()).as(what).isEqualTo(expected);
						if (expected == 302) {
							String location = String.valueOf(response.getRedirectedUrl());
							if (route.access().admits(actor)) {
								softly.assertThat(location).as("redirect of " + what).doesNotEndWith("/sign-in");
							}
							else {
								softly.assertThat(location).as("redirect of " + what).endsWith("/sign-in");
							}
						}
						sent.merge(ids, 1, Integer::sum);
					}
				}
			}
		}
		int total = sent.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf(
				"Access matrix: %d routes x %d actors: %d requests (%d in scope, %d out of scope, "
						+ "%d missing, %d without an id); %d combinations have no such record%n",
				AccessRoutes.TABLE.size(), Actor.values().length, total, sent.getOrDefault(Ids.IN_SCOPE, 0),
				sent.getOrDefault(Ids.OUT_OF_SCOPE, 0), sent.getOrDefault(Ids.MISSING, 0),
				sent.getOrDefault(Ids.NONE, 0), notApplicable);
		softly.assertAll();
	}

	@Test
	void answersOutOfScopeExactlyAsMissingForEveryRouteAndActor() {
		SoftAssertions softly = new SoftAssertions();
		Map<Actor, Visitor> visitors = new EnumMap<>(Actor.class);
		int pairs = 0;
		for (Route route : AccessRoutes.TABLE.values()) {
			if (!route.ids().contains(Ids.OUT_OF_SCOPE)) {
				continue;
			}
			for (Actor actor : Actor.values()) {
				for (AreaKind kind : route.kinds()) {
					Optional<Call> outOfScope = route
						.call(new MatrixSubject(organisation(), actor, Ids.OUT_OF_SCOPE, kind, false));
					Optional<Call> missing = route
						.call(new MatrixSubject(organisation(), actor, Ids.MISSING, kind, false));
					if (outOfScope.isEmpty() || missing.isEmpty()) {
						continue;
					}
					Visitor visitor = visitors.computeIfAbsent(actor, this::visitor);
					Page denied = visitor.send(outOfScope.get());
					Page absent = visitor.send(missing.get());
					String what = describe(actor, Ids.OUT_OF_SCOPE, kind, outOfScope.get());
					int expected = route.expectedStatus(actor, Ids.OUT_OF_SCOPE);
					softly.assertThat(denied.status()).as(what).isEqualTo(expected);
					softly.assertThat(absent.status()).as(what + ", missing").isEqualTo(expected);
					softly.assertThat(denied.headers().firstValue("Content-Type"))
						.as("content type of " + what)
						.isEqualTo(absent.headers().firstValue("Content-Type"));
					softly.assertThat(denied.location()).as("redirect of " + what).isEqualTo(absent.location());
					softly.assertThat(denied.comparableBody()).as("page of " + what).isEqualTo(absent.comparableBody());
					pairs++;
				}
			}
		}
		System.out.printf("Access matrix: %d pairs of out-of-scope and missing answers compared on a real server%n",
				pairs);
		assertThat(pairs).isPositive();
		softly.assertAll();
	}

	private MockHttpServletRequestBuilder request(Call call, Actor actor) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(call.method(), URI.create(call.path()))
			.accept("text/html")
			.with(ClientAddresses.from(ClientAddresses.fresh()));
		call.params().forEach(request::param);
		if (call.method() == HttpMethod.POST) {
			request.with(csrf());
		}
		if (actor != Actor.ANONYMOUS) {
			request.with(this.signIn.as(organisation().email(actor)));
		}
		return request;
	}

	private Visitor visitor(Actor actor) {
		HttpBrowser browser = new HttpBrowser(this.port);
		if (actor == Actor.ANONYMOUS) {
			return new Visitor(browser, browser.get("/sign-in"));
		}
		browser.signIn(organisation().email(actor), organisation().password(actor));
		return new Visitor(browser, browser.get("/"));
	}

	private MatrixOrganisation organisation() {
		synchronized (AccessMatrixIntegrationTests.class) {
			if (organisation == null) {
				organisation = new MatrixOrganisation(this.testOrganisation, this.invitations, this.records, this.jdbc);
			}
			return organisation;
		}
	}

	private static String describe(Actor actor, Ids ids, AreaKind kind, Call call) {
		return actor + " " + call + " (" + ids + ((kind != null) ? ", " + kind : "") + ")";
	}

	/**
	 * A browser of one actor on the real server, with the CSRF token of a page it opened.
	 */
	private record Visitor(HttpBrowser browser, Page page) {

		Page send(Call call) {
			if (call.method() == HttpMethod.GET) {
				String query = call.params()
					.entrySet()
					.stream()
					.map((param) -> encode(param.getKey()) + "=" + encode(param.getValue()))
					.collect(Collectors.joining("&"));
				return this.browser.get(call.path() + (query.isEmpty() ? "" : "?" + query));
			}
			Map<String, String> form = new LinkedHashMap<>(call.params());
			form.put("_csrf", this.page.document().selectFirst("input[name=_csrf]").val());
			return this.browser.post(call.path(), form);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
