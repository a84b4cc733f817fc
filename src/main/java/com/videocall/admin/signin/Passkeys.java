package com.videocall.admin.signin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A person's passkeys (SI1, SI3), as Spring Security's WebAuthn repositories keep them: a
 * user entity named by the account's email, holding the credentials registered for it.
 * The ceremonies themselves are Spring Security's ({@code PasskeyConfiguration}); this is
 * what the Security page lists, renames and removes.
 */
@Service
public class Passkeys {

	private static final String REGISTERED = Passkeys.class.getName() + ".registered";

	/** The longest name a person can give a passkey. */
	public static final int NAME_LENGTH = 64;

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository credentials;

	private final JdbcClient jdbc;

	Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials, JdbcClient jdbc) {
		this.users = users;
		this.credentials = credentials;
		this.jdbc = jdbc;
	}

	/** The account's passkeys, oldest first. */
	public List<Passkey> of(String email) {
		return records(email).stream()
			.sorted(Comparator.comparing(CredentialRecord::getCreated))
			.map(Passkeys::passkey)
			.toList();
	}

	public boolean anyOf(String email) {
		return !records(email).isEmpty();
	}

	/**
	 * Whether the account has a passkey, by its id (its user entity is named by email).
	 */
	boolean anyOf(long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from user_credentials c
				join user_entities u on u.id = c.user_entity_user_id
				join account a on a.email = u.name where a.id = ?)
				""").param(accountId).query(Boolean.class).single();
	}

	/** Removes the account's passkey with that id; false if it has none such. */
	public boolean remove(String email, String id) {
		Optional<CredentialRecord> passkey = find(email, id);
		passkey.ifPresent((record) -> this.credentials.delete(record.getCredentialId()));
		return passkey.isPresent();
	}

	/** Gives the account's passkey with that id a new name; false if it has none such. */
	public boolean rename(String email, String id, String name) {
		Optional<CredentialRecord> passkey = find(email, id);
		passkey.ifPresent((record) -> this.credentials
			.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(name).build()));
		return passkey.isPresent();
	}

	/** Removes every passkey of the account; whether it had any. */
	boolean removeAll(String email) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(email);
		if (user == null) {
			return false;
		}
		boolean had = !this.credentials.findByUserId(user.getId()).isEmpty();
		this.users.delete(user.getId());
		return had;
	}

	/** The account's passkey with that id, if it has one. */
	public Optional<Passkey> one(String email, String id) {
		return find(email, id).map(Passkeys::passkey);
	}

	private Optional<CredentialRecord> find(String email, String id) {
		return records(email).stream()
			.filter((record) -> record.getCredentialId().toBase64UrlString().equals(id))
			.findFirst();
	}

	/**
	 * Notes in the session of the request under way that a passkey was registered in it,
	 * for the page that follows the registration ({@link #registeredIn}).
	 */
	static void noteRegistered() {
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(REGISTERED, Boolean.TRUE, RequestAttributes.SCOPE_SESSION);
	}

	/**
	 * Whether a passkey was registered in this session since the last time this was
	 * asked: only the session that added a passkey goes on from it as if it had used it.
	 */
	public static boolean registeredIn(HttpSession session) {
		boolean registered = Boolean.TRUE.equals(session.getAttribute(REGISTERED));
		session.removeAttribute(REGISTERED);
		return registered;
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				record.getLastUsed());
	}

	private List<CredentialRecord> records(String email) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(email);
		return (user != null) ? this.credentials.findByUserId(user.getId()) : List.of();
	}

	/** A passkey as its owner sees it; {@code id} is the credential id, base64url. */
	public record Passkey(String id, String name, Instant added, Instant lastUsed) {
	}

}
