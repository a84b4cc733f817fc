package com.videocall.admin.invitation;

import com.videocall.admin.support.Invitees;
import com.videocall.admin.support.LinkPages;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of the invitee's link pages share: a clinic of the test's own, made
 * before each test, whose administrator invites people ({@link Invitees}), and the link
 * pages as the invitee sees them.
 */
abstract class InviteeLinksTest {

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitees invitations;

	@Autowired
	LinkPages pages;

	Clinic clinic;

	@BeforeEach
	void ownClinic() {
		this.clinic = this.organisation.clinic();
	}

}
