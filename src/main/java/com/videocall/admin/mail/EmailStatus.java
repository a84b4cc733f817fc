package com.videocall.admin.mail;

/** Delivery state of an email in the outbox. */
public enum EmailStatus {

	QUEUED, SENT, FAILED

}
