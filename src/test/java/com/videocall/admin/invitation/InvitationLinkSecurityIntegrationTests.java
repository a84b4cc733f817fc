package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationAcceptance.Accepted;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.Invitees.Invitee;
import com.videocall.admin.support.Invitees.Snapshot;
import com.videocall.admin.support.LinkPages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Links are hard to abuse: one use only even when submitted twice at once (X5), bad
 * tokens are "not found" (X7), only the token's hash is stored, and the pages neither
 * leak the link through the Referer header nor stay in caches.
 */
@IntegrationTest
class InvitationLinkSecurityIntegrationTests extends InviteeLinksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InvitationAcceptance acceptance;

	@Test
	void activatesTheAccountOnceWhenTheSameLinkIsSubmittedTwiceAtOnce() throws Exception {
		ExecutorService submitters = Executors.newFixedThreadPool(2);
		try {
			// Both submissions are released together (submitTwiceAtOnce); more rounds
			// only
			// make an overlap more likely, and each overlapping round shows the rule. 20
			// rounds cost a fifth of the 100 they were (30 s).
			for (int round = 0; round < 20; round++) {
				Invitee invitee = this.invitations.pendingFor(this.clinic, "twice." + round,
						new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
						new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
				String token = this.invitations.token(invitee);

				List<LinkStatus> outcomes = submitTwiceAtOnce(submitters, token);

				assertThat(outcomes).as("round %d", round)
					.containsExactlyInAnyOrder(LinkStatus.VALID, LinkStatus.ACCEPTED);
				assertThat(this.invitations.grantedRoles(invitee)).as("round %d", round)
					.containsExactlyInAnyOrder(new RoleOffer(Role.SERVICE_PROVIDER, this.clinic.waitingArea()),
							new RoleOffer(Role.MEETING_ROOM_MEMBER, this.clinic.meetingRoom()));
				assertThat(this.invitations.history(invitee)).as("round %d", round)
					.containsExactly(HistoryType.INVITED, HistoryType.ACCEPTED);
				assertThat(this.invitations.status(invitee)).as("round %d", round).isEqualTo("ACCEPTED");
			}
		}
		finally {
			submitters.shutdownNow();
		}
	}

	@Test
	void answersNotFoundForOversizedAndNonBase64Tokens() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "bystander");
		String token = this.invitations.token(invitee);
		Snapshot before = this.invitations.snapshot(invitee);
		List<String> badTokens = List.of("A".repeat(5_000), token.repeat(117), token.substring(0, 42) + "!",
				token.substring(0, 42) + "=", token.substring(0, 42) + "+", token.substring(0, 42) + ".",
				"<script>alert(1)</script>" + token.substring(25));

		Map<String, List<Integer>> answers = new LinkedHashMap<>();
		for (String bad : badTokens) {
			answers.put(abbreviated(bad), this.pages.answersTo(bad));
		}
		assertThat(answers).allSatisfy((bad, statuses) -> assertThat(statuses).as(bad).containsOnly(404));
		// An encoded percent sign never reaches the application: Spring Security's
		// firewall rejects it as "Bad request", which is no server error either.
		assertThat(this.pages.answersTo(token.substring(0, 42) + "%")).containsOnly(400);
		assertThat(this.invitations.snapshot(invitee)).isEqualTo(before);
	}

	@Test
	void storesOnlyTheSha256OfTheEmailedToken() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "hashed");
		String token = this.invitations.token(invitee);
		byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);

		byte[] stored = this.invitations.linkHashes(invitee).get(0);

		assertThat(stored).hasSize(32)
			.isNotEqualTo(tokenBytes)
			.isNotEqualTo(Base64.getUrlDecoder().decode(token))
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest(tokenBytes));
		assertThat(HexFormat.of().formatHex(stored)).isNotEqualToIgnoringCase(token);
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(stored)).isNotEqualTo(token);
		assertThat(Base64.getEncoder().encodeToString(stored)).isNotEqualTo(token);
	}

	@Test
	void keepsLinkPagesOutOfReferrersAndCaches() throws Exception {
		Invitee invitee = this.invitations.pendingFor(this.clinic, "private");
		String first = this.invitations.token(invitee);
		this.invitations.remind(invitee);
		String newest = this.invitations.token(invitee);

		assertPrivate(this.mvc.perform(get("/invitation/{token}", newest)).andExpect(status().isOk()));
		assertPrivate(this.mvc.perform(get("/invitation/{token}", first)).andExpect(status().isOk()));
		assertPrivate(
				this.mvc.perform(LinkPages.setUp(newest, "Pat Private", "short", "short")).andExpect(status().isOk()));
		assertPrivate(this.mvc.perform(get("/invitation/{token}", "A".repeat(43))).andExpect(status().isNotFound()));
	}

	private List<LinkStatus> submitTwiceAtOnce(ExecutorService submitters, String token) throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Accepted>> submissions = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			submissions.add(submitters.submit(() -> {
				ready.countDown();
				start.await();
				return this.acceptance.accept(token, "Sam Twice", LinkPages.PASSWORD).orElseThrow();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<LinkStatus> outcomes = new ArrayList<>();
		for (Future<Accepted> submission : submissions) {
			outcomes.add(submission.get(30, TimeUnit.SECONDS).status());
		}
		return outcomes;
	}

	private static String abbreviated(String token) {
		return (token.length() > 60) ? token.substring(0, 20) + "… (" + token.length() + " characters)" : token;
	}

	private static void assertPrivate(ResultActions response) throws Exception {
		response.andExpect(header().string("Referrer-Policy", "no-referrer"));
		assertThat(response.andReturn().getResponse().getHeader("Cache-Control")).contains("no-store");
	}

}
