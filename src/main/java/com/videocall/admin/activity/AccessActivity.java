package com.videocall.admin.activity;

import java.util.List;

import com.videocall.admin.access.AccessEnded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The trail's entries for access that ends (LC1) on granted roles: "Access ended" by the
 * system ("Automatic"), about the person, for the role's area. (An invited role's end
 * goes through its invitation: {@link InvitationActivity}.)
 */
@Component
class AccessActivity {

	private final ActivityRecorder recorder;

	AccessActivity(ActivityRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void ended(AccessEnded ended) {
		this.recorder.record(new NewEntry(ActivityKind.ACCESS_ENDED, ended.at(), null, ended.accountId(), null, null,
				null, null, List.of(new AreaRoles(ended.areaId(), List.of(ended.role().name())))));
	}

}
