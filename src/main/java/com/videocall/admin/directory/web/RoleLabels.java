package com.videocall.admin.directory.web;

import java.util.Collection;
import java.util.stream.Collectors;

import com.videocall.admin.directory.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role labels for templates: {@code @roles.label(role)} and {@code @roles.join(roles)}.
 */
@Component("roles")
class RoleLabels {

	private final MessageSource messages;

	RoleLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String label(Role role) {
		return this.messages.getMessage(role.labelCode(), null, LocaleContextHolder.getLocale());
	}

	/**
	 * "Organisation Administrator, Organisation Coordinator", in the roles' natural
	 * order.
	 */
	public String join(Collection<Role> roles) {
		return roles.stream().sorted().distinct().map(this::label).collect(Collectors.joining(", "));
	}

}
