package com.videocall.admin.account;

/** An account is invited until its person sets it up from an invitation link. */
public enum AccountStatus {

	INVITED, ACTIVE, DISABLED

}
