package com.videocall.admin.invitation;

/**
 * What an emailed link can do now (I2, I4). Only VALID lets the person set up their
 * account. EXPIRED is the link's own time running out (a new one may be asked for);
 * INVITATION_EXPIRED is the whole invitation closed unaccepted (LC2), which no new link
 * reopens.
 */
public enum LinkStatus {

	VALID, EXPIRED, REPLACED, CANCELLED, ACCEPTED, DECLINED, INVITATION_EXPIRED

}
