package com.videocall.admin.invitation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.videocall.admin.invitation.HistoryEntry;
import com.videocall.admin.invitation.HistoryEntry.Change;
import com.videocall.admin.invitation.HistoryEntry.RoleInArea;

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

	/**
	 * "Service Provider in Northern Physiotherapy, ..."; for Change Roles what it added,
	 * then what it removed (LC4).
	 */
	public String roles(HistoryEntry entry) {
		if (entry.roles().stream().allMatch((role) -> role.change() == null)) {
			return list(entry.roles());
		}
		List<String> sentences = new ArrayList<>();
		for (Change change : Change.values()) {
			List<RoleInArea> roles = entry.roles().stream().filter((role) -> role.change() == change).toList();
			if (!roles.isEmpty()) {
				sentences.add(message("history.roles." + change, list(roles)));
			}
		}
		return String.join(" ", sentences);
	}

	private String list(List<RoleInArea> roles) {
		return roles.stream()
			.map((role) -> message("role.inArea", message(role.role().labelCode()), role.areaName()))
			.collect(Collectors.joining(", "));
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
