package com.videocall.admin.activity;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import com.videocall.admin.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What System Administrators read of the newest integrity check (AC5), as the fragment
 * {@code fragments/activity-integrity} shows it on the Activity page: not checked yet, no
 * entry changed, or where the trail changed, with the time in {@code app.time-zone}.
 */
@IntegrationTest
class ActivityIntegrityFragmentTests {

	/** 3:15 am in Sydney, summer time. */
	private static final Instant CHECKED = Instant.parse("2026-02-28T16:15:00Z");

	@Autowired
	SpringTemplateEngine templates;

	@Autowired
	ApplicationContext application;

	@Test
	void saysWhenNoCheckHasRunYet() {
		assertThat(render(null).text()).isEqualTo("Integrity not checked yet");
	}

	@Test
	void saysWhenItWasCheckedAndThatNoEntryChanged() {
		Element shown = render(new IntegrityCheck(CHECKED, 1_234_567, null, null));

		assertThat(shown.text()).isEqualTo("Integrity checked 1 Mar 2026, 3:15 am AEDT: no entry changed");
		assertThat(shown.hasClass("banner-error")).isFalse();
	}

	@Test
	void saysWhereTheTrailChangedAsAnError() {
		Element shown = render(new IntegrityCheck(CHECKED, 1_234_567, 1_234_500L,
				"its hash does not follow entry 1234499, so it was changed, or an entry before it was removed or "
						+ "inserted"));

		assertThat(shown.text()).isEqualTo("Integrity checked 1 Mar 2026, 3:15 am AEDT: the trail changed at entry "
				+ "1234500 (its hash does not follow entry 1234499, so it was changed, or an entry before it was "
				+ "removed or inserted)");
		assertThat(shown.hasClass("banner-error")).isTrue();
	}

	private Element render(IntegrityCheck check) {
		Context context = new Context(Locale.forLanguageTag("en-AU"));
		context.setVariable("check", check);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
		String html = this.templates.process("fragments/activity-integrity", Set.of("integrity"), context);
		return Jsoup.parseBodyFragment(html).selectFirst("p.integrity");
	}

}
