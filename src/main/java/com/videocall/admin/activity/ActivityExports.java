package com.videocall.admin.activity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import com.videocall.admin.directory.AdministratorScope;

import org.springframework.stereotype.Service;

/**
 * Exporting the trail is itself an action the trail records (AC1, "Exported"), when the
 * export starts: how many rows it holds is not known before they are written. The entry
 * concerns the areas exported: those the "Area" filter named, or else every area of a
 * limited administrator's scope, so that the administrators of those areas read it; a
 * System Administrator's export of everything concerns no area and is read by System
 * Administrators.
 */
@Service
public class ActivityExports {

	private final ActivityRecorder recorder;

	private final Clock clock;

	ActivityExports(ActivityRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	/**
	 * Records that the account exported what the query matches from the named list (its
	 * page, and the entry's detail: the list exported).
	 */
	public void exported(long actorId, AdministratorScope scope, ActivityQuery query, String list) {
		Collection<Long> areas = (query.areaIds() != null) ? query.areaIds().stream().filter(scope::covers).toList()
				: scope.everything() ? List.of() : scope.areaIds();
		this.recorder.record(new NewEntry(ActivityKind.EXPORTED, this.clock.instant(), actorId, null, null, list, null,
				list, areas.stream().map((area) -> new AreaRoles(area, List.of())).toList()));
	}

}
