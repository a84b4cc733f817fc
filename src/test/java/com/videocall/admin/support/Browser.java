package com.videocall.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import com.videocall.admin.directory.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Opens pages and sends forms through MockMvc as one signed-in account, the way a browser
 * without script does: a form sends its fields, a redirect is followed with its banner.
 */
public final class Browser {

	private final MockMvc mvc;

	private final RequestPostProcessor account;

	Browser(MockMvc mvc, RequestPostProcessor account) {
		this.mvc = mvc;
		this.account = account;
	}

	/** The page at {@code url}, which must answer 200. */
	public Document open(String url) throws Exception {
		return page(request(url));
	}

	/** A GET as it is, for checking its status. */
	public MvcResult request(String url) throws Exception {
		return this.mvc.perform(get(URI.create(url)).with(this.account)).andReturn();
	}

	/** A POST with a valid CSRF token and the given names and values. */
	public MvcResult post(String url, String... namesAndValues) throws Exception {
		return send(MockMvcRequestBuilders.post(URI.create(url)).with(csrf()), namesAndValues);
	}

	/** A POST as a forged form would send it: without a CSRF token. */
	public MvcResult postWithoutCsrfToken(String url, String... namesAndValues) throws Exception {
		return send(MockMvcRequestBuilders.post(URI.create(url)), namesAndValues);
	}

	/**
	 * Sends the form with its fields (ticked boxes only, buttons aside) and the
	 * {@code extra} names and values, as pressing one of its buttons would, and returns
	 * the page it leads to.
	 */
	public Document submit(Element form, String... extra) throws Exception {
		assertThat(form).isInstanceOf(FormElement.class);
		boolean post = "post".equalsIgnoreCase(form.attr("method"));
		MockHttpServletRequestBuilder request = post
				? MockMvcRequestBuilders.post(URI.create(form.attr("action"))).with(csrf())
				: get(URI.create(form.attr("action")));
		((FormElement) form).formData()
			.stream()
			.filter((field) -> !"_csrf".equals(field.key()))
			.forEach((field) -> request.param(field.key(), field.value()));
		if (!post) {
			return page(send(request, extra));
		}
		return follow(send(request, extra));
	}

	/** The page a redirect leads to, with the banner it carries. */
	public Document follow(MvcResult redirect) throws Exception {
		assertThat(redirect.getResponse().getStatus()).as("status of a redirect").isEqualTo(302);
		String target = redirect.getResponse().getRedirectedUrl();
		return page(this.mvc.perform(get(URI.create(target)).with(this.account).with(SessionCookie.of(redirect)))
			.andReturn());
	}

	/**
	 * A multipart POST with a valid CSRF token, as a form with a file field sends it: the
	 * file as the part {@code file} and the given names and values.
	 */
	public MvcResult upload(String url, String fileName, byte[] content, String... namesAndValues) throws Exception {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(URI.create(url))
			.file(new MockMultipartFile("file", fileName, "text/csv", content));
		request.with(csrf());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return this.mvc.perform(request.with(this.account)).andReturn();
	}

	/** "Add Users" on an area's page ({@code /waiting-areas/7}, ...). */
	public MvcResult addUsers(String areaPath, String recipients, String customMessage, Role... roles)
			throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(URI.create(areaPath + "/add-users"))
			.with(csrf())
			.param("recipients", recipients)
			.param("customMessage", customMessage);
		Arrays.stream(roles).forEach((role) -> request.param("roles", role.name()));
		return send(request);
	}

	/**
	 * The text of the page's success banner, which screen readers announce politely; the
	 * test fails when there is none.
	 */
	public static String successBanner(Document page) {
		return banner(page, "success", "status");
	}

	public static String informationBanner(Document page) {
		return banner(page, "information", "status");
	}

	/** The text of the page's error banner, which screen readers announce at once. */
	public static String errorBanner(Document page) {
		return banner(page, "error", "alert");
	}

	/**
	 * The items of the form page's error summary, which screen readers announce at once;
	 * the test fails when there is none, when an item links to no field of the page, or
	 * when the page's title does not start with "Error: ".
	 */
	public static List<String> errorSummary(Document page) {
		Element summary = page.selectFirst(".error-summary");
		assertThat(summary).as("error summary").isNotNull();
		assertThat(summary.select("[role=alert]")).as("error summary announced").hasSize(1);
		assertThat(page.title()).as("page title").startsWith("Error: ");
		for (Element link : summary.select("li a")) {
			assertThat(page.getElementById(link.attr("href").substring(1))).as("field of " + link.text()).isNotNull();
		}
		return summary.select("li").eachText();
	}

	private static String banner(Document page, String kind, String role) {
		Element banner = page.selectFirst(".banner");
		assertThat(banner).as("banner").isNotNull();
		assertThat(banner.classNames()).as("banner kind").contains("banner-" + kind);
		assertThat(banner.attr("role")).as("banner role").isEqualTo(role);
		return sentences(banner);
	}

	/**
	 * What a banner says, without its action (the "Undo" after a removal, UN, which tests
	 * find as a form).
	 */
	public static String sentences(Element banner) {
		Element copy = banner.clone();
		copy.select(".banner-action").remove();
		return copy.text();
	}

	private MvcResult send(MockHttpServletRequestBuilder request, String... namesAndValues) throws Exception {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return this.mvc.perform(request.with(this.account)).andReturn();
	}

	/** The page a response holds, which must have answered 200. */
	public static Document page(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as("status of a page").isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
