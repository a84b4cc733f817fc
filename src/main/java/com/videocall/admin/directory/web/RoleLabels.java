package com.videocall.admin.directory.web;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.videocall.admin.directory.Role;
import com.videocall.admin.web.RelativeTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role labels for templates: {@code @roles.label(role)}, {@code @roles.join(roles)}, and
 * with the end of the role's access (LC1) {@code @roles.label(role, accessUntil)},
 * "Service Provider until 28 Feb 2027", and {@code @roles.join(roles, untilByRole)}: the
 * one place a role is labelled.
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

	/** "Service Provider until 28 Feb 2027", or the label alone without an end date. */
	public String label(Role role, LocalDate accessUntil) {
		return (accessUntil != null) ? this.messages.getMessage("role.until",
				new Object[] { label(role), RelativeTime.day(accessUntil) }, LocaleContextHolder.getLocale())
				: label(role);
	}

	/**
	 * "Organisation Administrator, Organisation Coordinator", in the roles' natural
	 * order.
	 */
	public String join(Collection<Role> roles) {
		return roles.stream().sorted().distinct().map(this::label).collect(Collectors.joining(", "));
	}

	/** The same, each with the end of its access where it has one. */
	public String join(Collection<Role> roles, Map<Role, LocalDate> accessUntil) {
		return roles.stream()
			.sorted()
			.distinct()
			.map((role) -> label(role, accessUntil.get(role)))
			.collect(Collectors.joining(", "));
	}

}
