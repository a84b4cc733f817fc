package com.videocall.admin.invitation;

/**
 * What an emailed link can do now (I2, I4). Only VALID lets the person set up their
 * account.
 */
public enum LinkStatus {

	VALID, EXPIRED, REPLACED, CANCELLED, ACCEPTED, DECLINED

}
