package com.videocall.admin.invitation.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.Role;
import com.videocall.admin.invitation.Invitation.RoleOffer;
import com.videocall.admin.invitation.InvitationView;
import com.videocall.admin.invitation.InvitationView.RoleLine;
import com.videocall.admin.web.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The choices of Change Roles (LC4) as its pages send them: roles to remove by the id of
 * the invited role ({@code remove}), roles to add as {@code <area id>:<ROLE>}
 * ({@code add}), each read within the administrator's scope. A role to add in an area
 * outside scope, of another kind's, or written in any other way, and a role to remove
 * that the invitation does not offer in scope, are "not found" (X1, X7).
 */
@Component
class RoleChoices {

	/** How many areas a search lists at most. */
	static final int FOUND = 10;

	private final Areas areas;

	RoleChoices(Areas areas) {
		this.areas = areas;
	}

	/** How a box to add {@code role} in the area sends it: "12:SERVICE_PROVIDER". */
	static String value(long areaId, Role role) {
		return areaId + ":" + role.name();
	}

	/** The roles to add, each with its area, in the order sent. */
	Map<RoleOffer, AreaSummary> toAdd(AdministratorScope scope, Collection<String> values) {
		Map<Long, AreaSummary> byId = new HashMap<>();
		Map<RoleOffer, AreaSummary> chosen = new LinkedHashMap<>();
		for (String value : values) {
			String[] parts = value.split(":", 2);
			RoleOffer offer;
			try {
				offer = new RoleOffer(Role.valueOf(parts[1]), Long.parseLong(parts[0]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw new NotFoundException("role to add " + value);
			}
			AreaSummary area = byId.computeIfAbsent(offer.areaId(), (id) -> this.areas.get(scope, id));
			if (offer.role().areaKind() != area.kind()) {
				throw new NotFoundException("role to add " + value);
			}
			chosen.put(offer, area);
		}
		return chosen;
	}

	/** The invitation's roles to remove, which it must offer in scope. */
	static List<RoleLine> toRemove(InvitationView invitation, Set<Long> ids) {
		List<RoleLine> chosen = invitation.roles().stream().filter((role) -> ids.contains(role.id())).toList();
		if (chosen.size() != ids.size()) {
			throw new NotFoundException("role to remove of invitation " + invitation.id());
		}
		return chosen;
	}

	/** Up to {@link #FOUND} areas in scope whose names contain the text, and one more. */
	List<AreaSummary> find(AdministratorScope scope, String text) {
		return this.areas.find(scope, text, FOUND + 1);
	}

	/**
	 * The areas to add roles in: those of the invitation's roles, those of the roles
	 * chosen, then those found; each with the roles of its kind that the invitation does
	 * not offer yet.
	 */
	static List<AreaChoice> areas(InvitationView invitation, Map<RoleOffer, AreaSummary> chosen,
			List<AreaSummary> found) {
		Map<Long, AreaSummary> listed = new LinkedHashMap<>();
		for (RoleLine role : invitation.roles()) {
			listed.putIfAbsent(role.areaId(),
					new AreaSummary(role.areaId(), role.role().areaKind(), role.areaName(), null));
		}
		chosen.values().forEach((area) -> listed.putIfAbsent(area.id(), area));
		found.forEach((area) -> listed.putIfAbsent(area.id(), area));
		List<AreaChoice> choices = new ArrayList<>();
		for (AreaSummary area : listed.values()) {
			List<RoleBox> boxes = Role.of(area.kind())
				.stream()
				.filter((role) -> invitation.roles()
					.stream()
					.noneMatch((line) -> line.areaId() == area.id() && line.role() == role))
				.map((role) -> new RoleBox(role, value(area.id(), role),
						chosen.containsKey(new RoleOffer(role, area.id()))))
				.toList();
			choices.add(new AreaChoice(area, boxes));
		}
		return choices;
	}

	/** An area to add roles in, with a box for each role it may add. */
	record AreaChoice(AreaSummary area, List<RoleBox> roles) {
	}

	/** A box that adds a role: what it sends, and whether it is ticked. */
	record RoleBox(Role role, String value, boolean checked) {

		/** The box's id, for its label and the error summary. */
		public String id() {
			return "add-" + this.value.replace(':', '-');
		}

	}

}
