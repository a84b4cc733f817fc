package com.videocall.admin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.account.UserAccount;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.AreaRegistry;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.RoleGrants;
import com.videocall.admin.invitation.Actor;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationManagement;

import org.springframework.stereotype.Component;

/**
 * Small vocabulary for planting areas, people, roles and pending invitations through the
 * modules that own them, each at a moment {@code ago} before now: invitations are made
 * the way Add Users makes them, so they come with their history, links and emails.
 */
class DemoSeed {

	static final String SOURCE_PAGE = "Demo data";

	private final Modules modules;

	private final Instant now;

	private final String passwordHash;

	DemoSeed(Modules modules, Instant now, String passwordHash) {
		this.modules = modules;
		this.now = now;
		this.passwordHash = passwordHash;
	}

	long area(AreaKind kind, String name, Long parentId) {
		return this.modules.areas().add(kind, name, parentId);
	}

	/** An active account with the demo password, made 90 days ago. */
	UserAccount person(String name, String email, boolean systemAdministrator) {
		return this.modules.accounts()
			.createActive(email, name, this.passwordHash, systemAdministrator, at(Duration.ofDays(90)));
	}

	void disable(UserAccount person) {
		this.modules.accounts().disable(person.getId());
	}

	/** The role, held for 60 days. */
	void grant(UserAccount person, Role role, long areaId) {
		this.modules.roleGrants().grant(person.getId(), role, areaId, at(Duration.ofDays(60)));
	}

	/**
	 * Add Users by {@code by} {@code ago}: invites the person, or offers a pending
	 * invitation more roles.
	 */
	void invite(String email, UserAccount by, Duration ago, RoleOffer... offers) {
		this.modules.invitations()
			.addUsers(this.modules.scopes().forAccount(by.getId()),
					new Actor(by.getId(), by.getDisplayName(), SOURCE_PAGE), List.of(offers), email, null, at(ago));
	}

	private Instant at(Duration ago) {
		return this.now.minus(ago);
	}

	/** The other modules' services the demo plants through. */
	@Component
	record Modules(AreaRegistry areas, AccountManagement accounts, RoleGrants roleGrants,
			InvitationManagement invitations, AdministratorScopes scopes) {
	}

}
