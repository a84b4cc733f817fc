package com.videocall.admin.invitation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.videocall.admin.account.AccountStatus;
import com.videocall.admin.directory.Role;
import com.videocall.admin.directory.RoleGrants;
import com.videocall.admin.invitation.Invitation.RoleOffer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Add Users would do, read without changing anything: what {@link AddUsersForecast}
 * needs for many people at once, in two statements: their accounts with the roles of
 * their open pending invitation (one past its close moment, LC2, counts as none: Add
 * Users ends it and invites anew), and the roles they hold. Import Users' preview (IM2)
 * and its check at import time (IM3) read it here; Add Users itself reads the accounts
 * and pending invitations it changes, and the roles held here ({@link #held}).
 */
@Component
public class AddUsersForecasts {

	private final JdbcClient jdbc;

	private final RoleGrants roleGrants;

	AddUsersForecasts(JdbcClient jdbc, RoleGrants roleGrants) {
		this.jdbc = jdbc;
		this.roleGrants = roleGrants;
	}

	/**
	 * By email in lower case; an address without an account is absent (it is
	 * {@link AddUsersForecast#nobody()}).
	 */
	public Map<String, AddUsersForecast> of(Collection<String> emails, Instant now) {
		Map<String, Long> ids = new HashMap<>();
		Map<Long, AccountStatus> statuses = new HashMap<>();
		Map<Long, Boolean> pending = new HashMap<>();
		Map<Long, Set<RoleOffer>> offered = new HashMap<>();
		this.jdbc.sql("""
				select a.id, lower(a.email), a.status, i.id, r.role, r.area_id
				from account_profile a
				left join invitation i on i.account_id = a.id and i.status = 'PENDING' and i.closes_at > ?
				left join invited_role r on r.invitation_id = i.id
				where lower(a.email) = any(?)
				""")
			.params(Timestamp.from(now), emails.stream().map((e) -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.query((rs) -> {
				long id = rs.getLong(1);
				ids.put(rs.getString(2), id);
				statuses.put(id, AccountStatus.valueOf(rs.getString(3)));
				rs.getLong(4);
				pending.merge(id, !rs.wasNull(), Boolean::logicalOr);
				Set<RoleOffer> roles = offered.computeIfAbsent(id, (key) -> new HashSet<>());
				if (rs.getString(5) != null) {
					roles.add(new RoleOffer(Role.valueOf(rs.getString(5)), rs.getLong(6)));
				}
			});
		Map<Long, Set<RoleOffer>> held = held(ids.values());
		Map<String, AddUsersForecast> forecasts = new HashMap<>();
		ids.forEach((email, id) -> forecasts.put(email, new AddUsersForecast(statuses.get(id), pending.get(id),
				offered.get(id), held.getOrDefault(id, Set.of()))));
		return forecasts;
	}

	/**
	 * The roles each of the accounts holds, by account id, in one statement (none for no
	 * account); an account holding none is absent.
	 */
	Map<Long, Set<RoleOffer>> held(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Set<RoleOffer>> held = new HashMap<>();
		this.roleGrants.heldByEach(accountIds)
			.forEach((id, roles) -> held.put(id,
					roles.stream()
						.map((role) -> new RoleOffer(role.role(), role.areaId()))
						.collect(Collectors.toSet())));
		return held;
	}

}
