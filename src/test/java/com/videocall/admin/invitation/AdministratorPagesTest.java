package com.videocall.admin.invitation;

import com.videocall.admin.support.Browser;
import com.videocall.admin.support.InvitationRecords;
import com.videocall.admin.support.Invitations;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.Pages;
import com.videocall.admin.support.TestOrganisation;
import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of the administrators' invitation pages share: a clinic of the test's
 * own, made before each test, with its administrator signed in to the pages; invitations
 * made the way Add Users makes them; and what the database and the mail server hold.
 */
abstract class AdministratorPagesTest {

	@Autowired
	Pages pages;

	@Autowired
	TestOrganisation organisation;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationRecords records;

	@Autowired
	MailServer mail;

	Clinic clinic;

	/** The clinic's administrator, signed in. */
	Browser admin;

	@BeforeEach
	void ownClinic() {
		this.clinic = this.organisation.clinic();
		this.admin = this.pages.as(this.clinic.adminEmail());
	}

}
