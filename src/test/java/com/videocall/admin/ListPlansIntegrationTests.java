package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;

import com.videocall.admin.support.Demo;
import com.videocall.admin.support.IntegrationTest;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.StatementCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every list writes its page's limit and offset into the SQL, as numbers: given as
 * parameters, they keep PostgreSQL from ever using a prepared statement's generic plan,
 * so that each page is planned anew, which cost more than running it (docs/performance.md
 * "Plans made once").
 */
@IntegrationTest
class ListPlansIntegrationTests {

	private static final Pattern LIMIT_OR_OFFSET_AS_PARAMETER = Pattern.compile("(?i)\\b(limit|offset)\\s+\\?");

	@Autowired
	MockMvc mvc;

	@Autowired
	SignIn signIn;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/users", "/users?page=2", "/users?q=northern&status=invited", "/pending-invitations",
			"/pending-invitations?page=2&filter=expiring", "/waiting-areas", "/organisational-units?q=clinics&page=2",
			"/meeting-rooms", "AREA_PEOPLE", "AREA_PEOPLE&page=2", "/activity", "/activity?what=REMINDER_SENT",
			"/activity?from=2026-01-01&to=2026-12-31" })
	void writesTheLimitAndOffsetOfAPageIntoItsStatements(String path) throws Exception {
		String url = "AREA_PEOPLE".equals(path.split("&")[0]) ? areaPeople() + path.substring("AREA_PEOPLE".length())
				: path;
		List<String> sql = this.statements
			.pageStatements(() -> this.mvc.perform(get(url).with(this.signIn.as(SignIn.ADMIN)))
				.andExpect(status().isOk())
				.andReturn());
		assertThat(sql).anyMatch((statement) -> statement.toLowerCase().contains("limit "));
		assertThat(sql).noneMatch((statement) -> LIMIT_OR_OFFSET_AS_PARAMETER.matcher(statement).find());
	}

	private String areaPeople() {
		long id = this.jdbc.sql("select id from area where name = ?").param(Demo.PHYSIO).query(Long.class).single();
		return "/waiting-areas/" + id + "/users?q=";
	}

}
