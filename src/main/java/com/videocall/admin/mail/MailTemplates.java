package com.videocall.admin.mail;

import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders an email's HTML and text versions from {@code templates/mail/NAME.html} and
 * {@code templates/mail/NAME.txt}, with the same wording source as the pages. HTML output
 * is escaped as on the pages.
 */
@Component
public class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailTemplates(MessageSource messages) {
		this.engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
		this.engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	public OutgoingEmail render(String name, String recipient, String subject, Map<String, Object> variables) {
		Context context = new Context(LocaleContextHolder.getLocale(), variables);
		context.setVariable("subject", subject);
		return new OutgoingEmail(recipient, subject, this.engine.process(name + ".txt", context),
				this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
