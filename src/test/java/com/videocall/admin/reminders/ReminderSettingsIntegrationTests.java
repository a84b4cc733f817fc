package com.videocall.admin.reminders;

import java.util.List;

import com.videocall.admin.directory.AreaKind;
import com.videocall.admin.directory.Role;
import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.TestOrganisation.Clinic;
import com.videocall.admin.support.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Invitation Reminders" page of a unit (AR1): reached from the unit's page; for
 * System Administrators and the unit's Organisation Administrators only; inherited down
 * the tree until a unit sets its own, and back; bad input explained with nothing saved; a
 * form read before someone else's change refused.
 */
@IntegrationTest
class ReminderSettingsIntegrationTests extends AdministratorPagesTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void reachedFromTheUnitsPageAndOffByDefaultAR1() throws Exception {
		Document unit = this.admin.open("/organisational-units/" + this.clinic.unit());
		assertThat(unit.select("a[href=/organisational-units/" + this.clinic.unit() + "/reminders]").text())
			.isEqualTo("Invitation Reminders");
		Document page = this.admin.open(url(this.clinic.unit()));
		assertThat(page.selectFirst("h1").text()).isEqualTo("Invitation Reminders");
		assertThat(page.getElementById("reminders-source").text()).startsWith("No unit above sets automatic reminders");
		assertThat(page.getElementById("enabled").hasAttr("checked")).isFalse();
		assertThat(page.select("label[for=enabled]").text()).isEqualTo("Send automatic reminders");
		assertThat(page.select("label[for=days]").text()).isEqualTo("Remind after (days)");
		assertThat(page.select("legend").text()).isEqualTo("Only on weekdays between");
		assertThat(page.select("form[action$=/inherit]")).isEmpty();
	}

	@Test
	void aUnitsSettingsApplyBelowItUntilALowerUnitSetsItsOwnAR1() throws Exception {
		long lower = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Lower " + TestOrganisation.tag(),
				this.clinic.unit());
		Document saved = save(this.admin, this.clinic.unit(), "true", "3, 10", "09:00", "17:00");
		assertThat(Browser.successBanner(saved)).contains("saved");
		assertThat(saved.getElementById("reminders-source").text()).startsWith("This unit has its own settings");
		assertThat(saved.getElementById("days").val()).isEqualTo("3, 10");
		assertThat(saved.getElementById("enabled").hasAttr("checked")).isTrue();

		Document inheriting = this.admin.open(url(lower));
		assertThat(inheriting.getElementById("reminders-source").text())
			.isEqualTo("This unit follows the settings of " + this.clinic.unitName() + ". Saving gives it its own.");
		assertThat(inheriting.getElementById("days").val()).isEqualTo("3, 10");

		Document own = save(this.admin, lower, null, "5", "08:00", "12:00");
		assertThat(own.getElementById("reminders-source").text()).startsWith("This unit has its own settings");
		assertThat(own.getElementById("enabled").hasAttr("checked")).isFalse();

		Document back = this.admin.submit(own.selectFirst("form[action$=/inherit]"));
		assertThat(Browser.successBanner(back)).contains("now follows the Invitation Reminders of the unit above");
		assertThat(back.getElementById("reminders-source").text())
			.startsWith("This unit follows the settings of " + this.clinic.unitName());
		assertThat(ownRows(lower)).isZero();
	}

	/**
	 * X1: the Organisation Administrator of a lower unit reads the settings their unit
	 * follows (they apply to their areas) but never the name of the unit above, which is
	 * outside their scope.
	 */
	@Test
	void neverNamesTheUnitAboveToAnAdministratorOfTheLowerUnitOnlyAR1() throws Exception {
		long lower = this.organisation.area(AreaKind.ORGANISATIONAL_UNIT, "Lower " + TestOrganisation.tag(),
				this.clinic.unit());
		String lowerAdminEmail = this.clinic.email("lower.admin");
		this.organisation.grant(this.organisation.person("Lower Admin", lowerAdminEmail),
				Role.ORGANISATION_ADMINISTRATOR, lower);
		Browser lowerAdmin = this.pages.as(lowerAdminEmail);
		save(this.admin, this.clinic.unit(), "true", "3, 10", "09:00", "17:00");
		assertThat(lowerAdmin.request(url(this.clinic.unit())).getResponse().getStatus()).isEqualTo(404);

		Document inheriting = lowerAdmin.open(url(lower));

		assertThat(inheriting.getElementById("reminders-source").text())
			.isEqualTo("This unit follows the settings of a unit above yours. Saving gives it its own.");
		assertThat(inheriting.text()).doesNotContain(this.clinic.unitName());
		assertThat(inheriting.getElementById("days").val()).isEqualTo("3, 10");
		assertThat(this.admin.open(url(lower)).getElementById("reminders-source").text())
			.isEqualTo("This unit follows the settings of " + this.clinic.unitName() + ". Saving gives it its own.");
	}

	@Test
	void badInputIsExplainedAndNothingSavedAR1() throws Exception {
		List<List<String>> cases = List.of(List.of("", "09:00", "17:00", "Enter how many days"),
				List.of("0", "09:00", "17:00", "between 1 and 365"),
				List.of("366", "09:00", "17:00", "between 1 and 365"), List.of("3, 3", "09:00", "17:00", "only once"),
				List.of("1, 2, 3, 4, 5, 6", "09:00", "17:00", "at most 5"),
				List.of("three", "09:00", "17:00", "whole numbers"),
				List.of("3\u0000", "09:00", "17:00", "whole numbers"),
				List.of("1,".repeat(5000), "09:00", "17:00", "whole numbers"),
				List.of("-3", "09:00", "17:00", "whole numbers"),
				List.of("3", "17:00", "09:00", "start time must be before"),
				List.of("3", "09:00", "09:00", "start time must be before"),
				List.of("3", "25:00", "17:00", "start time"), List.of("3", "09:00", "x".repeat(10000), "end time"));
		for (List<String> bad : cases) {
			Document page = Browser.page(this.admin.post(url(this.clinic.unit()), "enabled", "true", "days", bad.get(0),
					"windowStart", bad.get(1), "windowEnd", bad.get(2), "version", ""));
			assertThat(Browser.errorSummary(page)).as(bad.get(0)).anyMatch((text) -> text.contains(bad.get(3)));
		}
		assertThat(ownRows(this.clinic.unit())).isZero();
	}

	@Test
	void aFormReadBeforeAnotherChangeIsRefusedAR1() throws Exception {
		Document first = this.admin.open(url(this.clinic.unit()));
		Document second = this.admin.open(url(this.clinic.unit()));
		this.admin.submit(withDays(first, "4"));
		Document refused = this.admin.submit(withDays(second, "8"));
		assertThat(Browser.errorBanner(refused)).contains("Someone else changed these settings meanwhile");
		assertThat(refused.getElementById("days").val()).isEqualTo("4");
		assertThat(this.jdbc.sql("select days[1] from reminder_schedule where area_id = ?")
			.param(this.clinic.unit())
			.query(Integer.class)
			.single()).isEqualTo(4);

		Document third = this.admin.open(url(this.clinic.unit()));
		this.admin.submit(withDays(third, "6"));
		Document staleInherit = this.admin.submit(third.selectFirst("form[action$=/inherit]"));
		assertThat(Browser.errorBanner(staleInherit)).contains("Someone else changed these settings meanwhile");
		assertThat(ownRows(this.clinic.unit())).isEqualTo(1);
	}

	@Test
	void onlySystemAdministratorsAndTheUnitsOrganisationAdministratorsAR1() throws Exception {
		Clinic other = this.organisation.clinic();
		Browser otherAdmin = this.pages.as(other.adminEmail());
		assertThat(otherAdmin.request(url(this.clinic.unit())).getResponse().getStatus()).isEqualTo(404);
		assertThat(otherAdmin
			.post(url(this.clinic.unit()), "enabled", "true", "days", "3", "windowStart", "09:00", "windowEnd", "17:00",
					"version", "")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(otherAdmin.post(url(this.clinic.unit()) + "/inherit", "version", "0").getResponse().getStatus())
			.isEqualTo(404);

		String serviceAdmin = this.clinic.email("service-admin");
		this.organisation.grant(this.organisation.person("Service Admin", serviceAdmin), Role.SERVICE_ADMINISTRATOR,
				this.clinic.waitingArea());
		assertThat(this.pages.as(serviceAdmin).request(url(this.clinic.unit())).getResponse().getStatus())
			.isEqualTo(404);
		// Not a unit: no such page.
		assertThat(this.admin.request("/organisational-units/" + this.clinic.waitingArea() + "/reminders")
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(ownRows(this.clinic.unit())).isZero();

		String system = TestOrganisation.email("system");
		long systemId = this.organisation.person("System Admin", system);
		this.jdbc.sql("update account set system_administrator = true where id = ?").param(systemId).update();
		Document saved = save(this.pages.as(system), this.clinic.unit(), "true", "2", "10:00", "11:00");
		assertThat(Browser.successBanner(saved)).contains("saved");
	}

	private Document save(Browser as, long unit, String enabled, String days, String start, String end)
			throws Exception {
		Document page = as.open(url(unit));
		String[] values = (enabled != null)
				? new String[] { "enabled", enabled, "days", days, "windowStart", start, "windowEnd", end }
				: new String[] { "days", days, "windowStart", start, "windowEnd", end };
		org.jsoup.nodes.Element form = page.selectFirst("form[action$=/reminders]");
		if (enabled == null) {
			form.select("#enabled").remove();
		}
		else {
			form.select("#enabled").attr("checked", "checked");
		}
		form.select("#days").val(days);
		form.select("#windowStart").val(start);
		form.select("#windowEnd").val(end);
		return as.submit(form);
	}

	private static org.jsoup.nodes.Element withDays(Document page, String days) {
		org.jsoup.nodes.Element form = page.selectFirst("form[action$=/reminders]");
		form.select("#days").val(days);
		return form;
	}

	private long ownRows(long unit) {
		return this.jdbc.sql("select count(*) from reminder_schedule where area_id = ?")
			.param(unit)
			.query(Long.class)
			.single();
	}

	private static String url(long unit) {
		return "/organisational-units/" + unit + "/reminders";
	}

}
