package com.videocall.admin.activity;

import java.util.List;

import com.videocall.admin.web.SignInEvents.SignInRefused;
import com.videocall.admin.web.SignInEvents.SignedIn;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The trail's entries for people signing in (AC1): "Signed in" with how (the detail: the
 * factors confirmed), and "Sign-in refused" for an existing account with why. They
 * concern no area: System Administrators read them, and the person on "Security" (AC2).
 * Throttled attempts and unknown emails go to the security log only, which bounds what an
 * attacker can make the trail keep.
 */
@Component
class SignInActivity {

	private final ActivityRecorder recorder;

	SignInActivity(ActivityRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void signedIn(SignedIn signedIn) {
		this.recorder.record(new NewEntry(ActivityKind.SIGNED_IN, signedIn.at(), signedIn.accountId(),
				signedIn.accountId(), null, null, null, signedIn.method(), List.of()));
	}

	@EventListener
	void refused(SignInRefused refused) {
		this.recorder.record(new NewEntry(ActivityKind.SIGN_IN_REFUSED, refused.at(), null, refused.accountId(), null,
				null, null, refused.reason(), List.of()));
	}

}
