package com.videocall.admin.invitation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.videocall.admin.directory.AdministratorScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the "Email addresses or names" field of Add Users: entries separated by commas,
 * semicolons or new lines; an entry with "@" is an email address, anything else the full
 * name of an existing account in the administrator's scope. Every problem is collected,
 * so the administrator sees them all at once and nothing is saved.
 */
@Component
class Invitees {

	static final int MAX_ENTRIES = 100;

	private static final Pattern SEPARATORS = Pattern.compile("[,;\\r\\n]+");

	private static final Pattern EMAIL = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final JdbcClient jdbc;

	Invitees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The email addresses meant, in the order given, without repeats; or every problem
	 * found.
	 */
	List<String> resolve(String field, AdministratorScope scope) {
		Map<String, String> emails = new LinkedHashMap<>();
		InviteeProblemsException problems = new InviteeProblemsException();
		List<String> entries = SEPARATORS.splitAsStream(field).map(String::strip).filter((e) -> !e.isEmpty()).toList();
		if (entries.isEmpty()) {
			problems.empty = true;
		}
		if (entries.size() > MAX_ENTRIES) {
			problems.tooMany = true;
		}
		for (String entry : entries) {
			if (entry.contains("@")) {
				if (entry.length() <= 254 && EMAIL.matcher(entry).matches()) {
					emails.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
				}
				else {
					problems.malformed.add(entry);
				}
			}
			else if (CONTROL.matcher(entry).find()) {
				// No one's name holds a control character; PostgreSQL refuses NUL in
				// text.
				problems.unknownNames.add(entry);
			}
			else {
				List<String> matches = emailsNamed(entry, scope);
				if (matches.size() == 1) {
					emails.putIfAbsent(matches.get(0).toLowerCase(Locale.ROOT), matches.get(0));
				}
				else {
					(matches.isEmpty() ? problems.unknownNames : problems.ambiguousNames).add(entry);
				}
			}
		}
		if (problems.any()) {
			throw problems;
		}
		return new ArrayList<>(emails.values());
	}

	private List<String> emailsNamed(String name, AdministratorScope scope) {
		return this.jdbc.sql("""
				select a.email from account a
				left join invitation i on i.account_id = a.id and i.status = 'PENDING'
				where lower(a.full_name) = lower(:name)
				  and (exists (select 1 from role_grant g where g.account_id = a.id and %s)
				    or exists (select 1 from invited_role r where r.invitation_id = i.id and %s))
				limit 2
				""".formatted(scope.sqlCovers("g.area_id"), scope.sqlCovers("r.area_id")))
			.param("name", name)
			.params(scope.sqlParameters())
			.query(String.class)
			.list();
	}

}
