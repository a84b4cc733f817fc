package com.videocall.admin.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The placeholder of a removed address (LC3) and who may lose their personal data: no
 * Spring.
 */
class PersonalDataRemovalTests {

	@Test
	void thePlaceholderIsUniquePerAccountWellFormedInShapeAndNeverAnAddressToInvite() {
		String placeholder = EmailAddresses.removed(42);
		assertThat(placeholder).isEqualTo("removed-42@removed.invalid").isNotEqualTo(EmailAddresses.removed(43));
		assertThat(EmailAddresses.isRemoved(placeholder)).isTrue();
		assertThat(EmailAddresses.isRemoved("Someone@Removed.Invalid")).isTrue();
		assertThat(EmailAddresses.isRemoved("removed@example.org")).isFalse();
		assertThat(EmailAddresses.isRemoved(null)).isFalse();
		assertThat(EmailAddresses.isWellFormed(placeholder)).isFalse();
		assertThat(EmailAddresses.isWellFormed("removed-42@example.org")).isTrue();
	}

	@Test
	void refusesToRemoveThePersonalDataOfAnAccountSomeoneSetUp() {
		UserAccount active = UserAccount.active("set.up@example.org", "Set Up", "{noop}x", false, Instant.now());
		assertThatIllegalStateException().isThrownBy(() -> active.removePersonalData(Instant.now()));
		assertThat(active.getEmail()).isEqualTo("set.up@example.org");
		assertThat(active.getFullName()).isEqualTo("Set Up");
		assertThat(active.isPersonalDataRemoved()).isFalse();
	}

}
