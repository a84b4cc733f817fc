package com.videocall.admin.activity;

import java.util.List;

/**
 * An area an activity entry concerns, with the roles it concerns there (none: it was done
 * for the area, such as a reminder), as the database keeps them: the names of the
 * directory's {@code Role}s, in order.
 */
public record AreaRoles(long areaId, List<String> roles) {

	public AreaRoles {
		roles = roles.stream().distinct().sorted().toList();
	}

}
