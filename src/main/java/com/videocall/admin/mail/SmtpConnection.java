package com.videocall.admin.mail;

import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open across the emails of a dispatcher round, so that each
 * email costs one SMTP exchange rather than a connect, greeting and login. Opened at the
 * first email; after a failure it is closed and the next email opens a new one. A sender
 * that is not a {@link JavaMailSenderImpl} sends each email on its own.
 */
final class SmtpConnection implements AutoCloseable {

	private final JavaMailSender sender;

	private Transport transport;

	private boolean unreachable;

	SmtpConnection(JavaMailSender sender) {
		this.sender = sender;
	}

	/**
	 * Sends {@code message} as {@link JavaMailSenderImpl} would (keeping a Message-ID set
	 * before), returning once the server accepted it.
	 */
	void send(MimeMessage message) throws MessagingException {
		if (!(this.sender instanceof JavaMailSenderImpl impl)) {
			this.sender.send(message);
			return;
		}
		String messageId = message.getMessageID();
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Address[] recipients = message.getAllRecipients();
		Transport open = transport(impl);
		try {
			open.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
		}
		catch (MessagingException ex) {
			close();
			throw new MailSendException("Failed to send message: " + ex.getMessage(), ex);
		}
	}

	private Transport transport(JavaMailSenderImpl impl) throws MessagingException {
		if (this.transport == null) {
			String protocol = (impl.getProtocol() != null) ? impl.getProtocol() : "smtp";
			Transport opened;
			try {
				opened = impl.getSession().getTransport(protocol);
				opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
			}
			catch (MessagingException ex) {
				this.unreachable = true;
				throw new MailSendException("Mail server connection failed: " + ex.getMessage(), ex);
			}
			this.transport = opened;
		}
		return this.transport;
	}

	/**
	 * Whether the mail server could not be reached: no point trying another email now.
	 */
	boolean unreachable() {
		return this.unreachable;
	}

	@Override
	public void close() {
		Transport open = this.transport;
		this.transport = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (MessagingException ex) {
				// The connection is gone either way.
			}
		}
	}

}
