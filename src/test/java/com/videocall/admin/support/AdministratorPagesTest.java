package com.videocall.admin.support;

import com.videocall.admin.support.TestOrganisation.Clinic;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of the administrators' invitation pages share: a clinic of the test's
 * own, made before each test, with its administrator signed in to the pages; invitations
 * made the way Add Users makes them; and what the database and the mail server hold.
 */
public abstract class AdministratorPagesTest {

	@Autowired
	protected Pages pages;

	@Autowired
	protected TestOrganisation organisation;

	@Autowired
	protected Invitations invitations;

	@Autowired
	protected InvitationRecords records;

	@Autowired
	protected MailServer mail;

	protected Clinic clinic;

	/** The clinic's administrator, signed in. */
	protected Browser admin;

	@BeforeEach
	protected void ownClinic() {
		this.clinic = this.organisation.clinic();
		this.admin = this.pages.as(this.clinic.adminEmail());
	}

}
