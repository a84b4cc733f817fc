package com.videocall.admin.people;

/** The Users list's status filter. */
public enum StatusFilter {

	ALL, ACTIVE, INVITED;

	/** Reads the URL's value ("all", "active", "invited"); anything else means all. */
	public static StatusFilter parse(String value) {
		for (StatusFilter filter : values()) {
			if (filter.name().equalsIgnoreCase(value)) {
				return filter;
			}
		}
		return ALL;
	}

	public String urlValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
