package com.videocall.admin.invitation.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.videocall.admin.directory.AreaNames;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.RoleChangeOutcome;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of Change Roles (LC4): a role in its area, and the banner after the change,
 * which says what was added and removed and whether the invitee is emailed.
 */
@Component
class RoleChangeWords {

	private final MessageSource messages;

	private final AreaNames areaNames;

	RoleChangeWords(MessageSource messages, AreaNames areaNames) {
		this.messages = messages;
		this.areaNames = areaNames;
	}

	Banner banner(RoleChangeOutcome outcome) {
		Map<Long, String> names = this.areaNames.of(Stream.concat(outcome.added().stream(), outcome.removed().stream())
			.map(RoleOffer::areaId)
			.collect(Collectors.toSet()));
		Banner banner = Banner.of(Kind.SUCCESS, "roles.changed", outcome.email());
		if (!outcome.added().isEmpty()) {
			banner = banner.and("roles.changed.added", describe(outcome.added(), names));
		}
		if (!outcome.removed().isEmpty()) {
			banner = banner.and("roles.changed.removed", describe(outcome.removed(), names));
		}
		return outcome.added().isEmpty() ? banner : banner.and("roles.changed.emailed", outcome.email());
	}

	/** "Service Provider in Northern Physiotherapy". */
	String roleInArea(Role role, String areaName) {
		return text("role.inArea", text(role.labelCode()), areaName);
	}

	String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	private String describe(List<RoleOffer> roles, Map<Long, String> names) {
		return roles.stream()
			.map((offer) -> roleInArea(offer.role(), names.get(offer.areaId())))
			.collect(Collectors.joining(", "));
	}

}
