package com.videocall.admin.mail.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.videocall.admin.mail.SentEmails;
import com.videocall.admin.mail.SentEmails.OpenedEmail;
import com.videocall.admin.web.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sent Emails", for System Administrators: every email of the outbox, so the whole flow
 * can be tried on one machine without a mail server. With a mail server, only what
 * happened to each email: no page shows a working link (see {@link SentEmails}).
 */
@Controller
class SentEmailsController {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private final SentEmails emails;

	SentEmailsController(SentEmails emails) {
		this.emails = emails;
	}

	@GetMapping("/sent-emails")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("emails", this.emails.list(Paging.page(page)));
		model.addAttribute("textShown", this.emails.textShown());
		return "sent-emails/list";
	}

	@GetMapping("/sent-emails/{id}")
	String show(@PathVariable long id, Model model) {
		OpenedEmail email = this.emails.get(id);
		model.addAttribute("email", email);
		model.addAttribute("links", (email.textBody() != null) ? links(email.textBody()) : List.of());
		return "sent-emails/show";
	}

	private static List<String> links(String text) {
		Matcher matcher = LINK.matcher(text);
		return matcher.results().map((result) -> result.group()).distinct().toList();
	}

}
