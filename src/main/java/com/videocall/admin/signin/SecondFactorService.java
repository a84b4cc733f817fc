package com.videocall.admin.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;

import com.videocall.admin.account.SecondFactors;
import com.videocall.admin.signin.SecondFactorChanged.Change;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and sets up second factors (SI1, SI2, SI8). Attempts are throttled by the pages
 * that take them, before they get here.
 */
@Service
public class SecondFactorService implements SecondFactors {

	/** Bytes of an authenticator app's key: 160 bits, as RFC 4226 recommends. */
	private static final int KEY_BYTES = 20;

	private static final Base32 BASE32 = new Base32();

	private final AuthenticatorApps apps;

	private final SecretEncryption encryption;

	private final RecoveryCodes recoveryCodes;

	private final SecurityNotices notices;

	private final Passkeys passkeys;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	SecondFactorService(AuthenticatorApps apps, SecretEncryption encryption, RecoveryCodes recoveryCodes,
			SecurityNotices notices, Passkeys passkeys, FindByIndexNameSessionRepository<? extends Session> sessions,
			Clock clock, ApplicationEventPublisher events) {
		this.passkeys = passkeys;
		this.events = events;
		this.notices = notices;
		this.sessions = sessions;
		this.apps = apps;
		this.encryption = encryption;
		this.recoveryCodes = recoveryCodes;
		this.clock = clock;
	}

	@Override
	public boolean anySetUpBy(long accountId) {
		return this.apps.exists(accountId) || this.passkeys.anyOf(accountId);
	}

	@Override
	@Transactional
	public boolean reset(long accountId, String email, long byAccountId) {
		boolean hadApp = this.apps.remove(accountId);
		boolean had = this.passkeys.removeAll(email) || hadApp;
		this.recoveryCodes.removeAll(accountId);
		if (had) {
			this.notices.tell(accountId, email, "secondFactorReset");
			this.events.publishEvent(
					new SecondFactorChanged(accountId, byAccountId, Change.RESET, null, this.clock.instant()));
			this.sessions.findByPrincipalName(email).keySet().forEach(this.sessions::deleteById);
		}
		return had;
	}

	public boolean hasAuthenticatorApp(long accountId) {
		return this.apps.exists(accountId);
	}

	/** When the account's authenticator app was set up, if it has one. */
	public Optional<Instant> authenticatorAppAddedAt(long accountId) {
		return this.apps.addedAt(accountId);
	}

	/**
	 * Ten new recovery codes in place of the account's old ones; the only time they are
	 * seen.
	 */
	@Transactional
	public List<String> newRecoveryCodes(long accountId) {
		return this.recoveryCodes.replace(accountId);
	}

	public int recoveryCodesLeft(long accountId) {
		return this.recoveryCodes.left(accountId);
	}

	/**
	 * Whether the code is one from the account's authenticator app that no earlier
	 * sign-in used: the code of a step within one of now, and later than the last step
	 * accepted (a code seen once is refused after, also on another instance).
	 */
	@Transactional
	public boolean confirmWithApp(long accountId, String code) {
		Optional<byte[]> key = this.apps.keyOf(accountId);
		OptionalLong step = key.map((k) -> Totp.match(k, code, this.clock.instant())).orElse(OptionalLong.empty());
		return step.isPresent() && this.apps.use(accountId, step.getAsLong());
	}

	/** Whether the code is one of the account's unused recovery codes, then used up. */
	@Transactional
	public boolean confirmWithRecoveryCode(long accountId, String code) {
		return this.recoveryCodes.use(accountId, code, this.clock.instant());
	}

	/** A new random key for an authenticator app about to be set up. */
	public byte[] newKey() {
		byte[] key = new byte[KEY_BYTES];
		this.random.nextBytes(key);
		return key;
	}

	/**
	 * Sets up the app whose key the person was shown, once they typed its current code,
	 * and emails them: its ten new recovery codes (replacing any old ones), or nothing if
	 * the code was not the app's.
	 */
	@Transactional
	public Optional<List<String>> setUpAuthenticatorApp(long accountId, String email, byte[] key, String code) {
		OptionalLong step = Totp.match(key, code, this.clock.instant());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.apps.add(accountId, key, step.getAsLong(), this.clock.instant());
		this.notices.tell(accountId, email, "authenticatorAppAdded");
		this.events.publishEvent(new SecondFactorChanged(accountId, null, Change.ADDED,
				SecondFactorChanged.AUTHENTICATOR_APP, this.clock.instant()));
		return Optional.of(this.recoveryCodes.replace(accountId));
	}

	/**
	 * Removes one of the account's passkeys and emails the person, unless it is the last
	 * factor of an administrator (SI3).
	 */
	@Transactional
	public Removal removePasskey(long accountId, String email, boolean administrator, String id) {
		return removeFactor(accountId, email, administrator, this.passkeys.one(email, id).isPresent(),
				() -> this.passkeys.remove(email, id), "passkeyRemoved", SecondFactorChanged.PASSKEY);
	}

	/**
	 * Removes the account's authenticator app and emails the person, unless it is the
	 * last factor of an administrator (SI3).
	 */
	@Transactional
	public Removal removeAuthenticatorApp(long accountId, String email, boolean administrator) {
		return removeFactor(accountId, email, administrator, this.apps.exists(accountId),
				() -> this.apps.remove(accountId), "authenticatorAppRemoved", SecondFactorChanged.AUTHENTICATOR_APP);
	}

	/**
	 * Removes a factor the account has, unless it is an administrator's last; recovery
	 * codes go with the last factor of anyone else, as they would otherwise sign in
	 * alone.
	 */
	private Removal removeFactor(long accountId, String email, boolean administrator, boolean present, Runnable remove,
			String notice, String factor) {
		if (!present) {
			return Removal.NOT_FOUND;
		}
		int factors = (this.apps.exists(accountId) ? 1 : 0) + this.passkeys.of(email).size();
		if (administrator && factors == 1) {
			return Removal.LAST_FACTOR;
		}
		remove.run();
		if (factors == 1) {
			this.recoveryCodes.removeAll(accountId);
		}
		this.notices.tell(accountId, email, notice);
		this.events
			.publishEvent(new SecondFactorChanged(accountId, null, Change.REMOVED, factor, this.clock.instant()));
		return Removal.REMOVED;
	}

	/** What removing a factor did. */
	public enum Removal {

		REMOVED, NOT_FOUND, LAST_FACTOR

	}

	/** A key being set up, encrypted to wait in the session until confirmed. */
	public String sealKey(byte[] key) {
		return this.encryption.encrypt(BASE32.encodeAsString(key));
	}

	public byte[] unsealKey(String sealed) {
		return BASE32.decode(this.encryption.decrypt(sealed));
	}

}
