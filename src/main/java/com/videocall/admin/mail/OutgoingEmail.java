package com.videocall.admin.mail;

/** A rendered email: plain text and HTML versions of the same message. */
public record OutgoingEmail(String recipient, String subject, String textBody, String htmlBody) {
}
