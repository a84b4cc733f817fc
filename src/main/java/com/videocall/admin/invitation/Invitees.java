package com.videocall.admin.invitation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.videocall.admin.account.EmailAddresses;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.people.Users;

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

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final Users users;

	Invitees(Users users) {
		this.users = users;
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
				if (EmailAddresses.isWellFormed(entry)) {
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
				List<String> matches = this.users.emailsNamed(scope, entry, 2);
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

}
