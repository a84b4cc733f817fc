package com.videocall.admin.invitation.web;

import java.util.stream.Collectors;

import com.videocall.admin.invitation.HistoryEntry;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The roles of a history entry as text, for templates: {@code @historyText.roles(entry)}.
 */
@Component("historyText")
class HistoryText {

	private final MessageSource messages;

	HistoryText(MessageSource messages) {
		this.messages = messages;
	}

	public String roles(HistoryEntry entry) {
		return entry.roles()
			.stream()
			.map((role) -> message("role.inArea", message(role.role().labelCode()), role.areaName()))
			.collect(Collectors.joining(", "));
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
