package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/**
 * The banner a page shows is the one made by the request whose redirect led to it (X5,
 * UN): after a double click whose first redirect was not followed, the newer banner, and
 * no older one left waiting for a later page.
 */
class BoundedFlashMapsTests {

	private final BoundedFlashMaps flashMaps = new BoundedFlashMaps();

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void showsTheNewestBannerForAPageAndNoOlderOneAfterIt() {
		post("/users/invitations/1/removal", "/users", "Invitation cancelled for a@example.org. Undo");
		post("/users/invitations/1/removal", "/users", "This invitation has already been cancelled.");

		assertThat(get("/users")).isEqualTo("This invitation has already been cancelled.");

		post("/users/invitations/2/removal", "/users", "Invitation cancelled for b@example.org. Undo");
		assertThat(get("/users")).isEqualTo("Invitation cancelled for b@example.org. Undo");
		assertThat(get("/users")).isNull();
	}

	@Test
	void keepsTheBannersOfOtherPagesUntilTheirPageIsShown() {
		post("/users/invitations/1/reminder", "/users/invitations/1", "Reminder sent to a@example.org");
		post("/pending-invitations/reminders", "/pending-invitations", "Reminders sent to 2 people.");

		assertThat(get("/pending-invitations")).isEqualTo("Reminders sent to 2 people.");
		assertThat(get("/users/invitations/1")).isEqualTo("Reminder sent to a@example.org");
	}

	@Test
	void keepsTheNewestTenBannersOfAClientThatFollowsNoRedirect() {
		for (int i = 1; i <= 25; i++) {
			post("/users/invitations/" + i + "/reminder", "/users/invitations/" + i, "Reminder " + i);
		}

		assertThat(get("/users/invitations/15")).isNull();
		assertThat(get("/users/invitations/16")).isEqualTo("Reminder 16");
		assertThat(get("/users/invitations/25")).isEqualTo("Reminder 25");
	}

	private void post(String path, String target, String banner) {
		MockHttpServletRequest request = request("POST", path);
		FlashMap flashMap = new FlashMap();
		flashMap.put("banner", banner);
		flashMap.setTargetRequestPath(target);
		this.flashMaps.saveOutputFlashMap(flashMap, request, new MockHttpServletResponse());
	}

	private Object get(String path) {
		FlashMap shown = this.flashMaps.retrieveAndUpdate(request("GET", path), new MockHttpServletResponse());
		return (shown != null) ? shown.get("banner") : null;
	}

	private MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setSession(this.session);
		return request;
	}

}
