package com.videocall.admin.invitation;

/** What an entry of an invitation's history records (X3). */
public enum HistoryType {

	INVITED, ROLES_ADDED, REMINDER_SENT, ROLES_REMOVED, CANCELLED, ACCEPTED, LINK_REQUESTED, UNDONE

}
