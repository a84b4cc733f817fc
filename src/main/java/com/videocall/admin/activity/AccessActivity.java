package com.videocall.admin.activity;

import java.time.LocalDate;
import java.util.List;

import com.videocall.admin.access.AccessEndChanged;
import com.videocall.admin.access.AccessEnded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The trail's entries for access that ends (LC1) on granted roles: "Access ended" by the
 * system ("Automatic") and "End date changed" by an administrator, about the person, for
 * the role's area. (An invited role's end goes through its invitation:
 * {@link InvitationActivity}.)
 */
@Component
class AccessActivity {

	private final ActivityRecorder recorder;

	AccessActivity(ActivityRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void changed(AccessEndChanged changed) {
		this.recorder.record(new NewEntry(ActivityKind.ACCESS_END_CHANGED, changed.at(), changed.byAccountId(),
				changed.accountId(), null, changed.sourcePage(), null, detail(changed.before(), changed.after()),
				List.of(new AreaRoles(changed.areaId(), List.of(changed.role().name())))));
	}

	/** The entry's detail: "2027-02-28 to 2027-03-31", "none" for no end. */
	static String detail(LocalDate before, LocalDate after) {
		return ((before != null) ? before.toString() : "none") + " to " + ((after != null) ? after.toString() : "none");
	}

	@EventListener
	void ended(AccessEnded ended) {
		this.recorder.record(new NewEntry(ActivityKind.ACCESS_ENDED, ended.at(), null, ended.accountId(), null, null,
				null, null, List.of(new AreaRoles(ended.areaId(), List.of(ended.role().name())))));
	}

}
