package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.videocall.admin.support.HttpBrowser;
import com.videocall.admin.support.HttpBrowser.Page;
import com.videocall.admin.support.OwnApplication;
import com.videocall.admin.support.SignIn;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform sets the database as a plain URL ({@code SPRING_DATASOURCE_URL}, no
 * {@code ?currentSchema=}): the application keeps its tables in its own schema all the
 * same, with the connection settings it relies on, and works on a fresh database.
 */
class PlainDatasourceUrlTests {

	@Test
	void startsOnAFreshDatabaseGivenAPlainUrl() {
		try (ConfigurableApplicationContext app = OwnApplication.start()) {
			assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
				.matches("jdbc:postgresql://[^/?]+/\\w+");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select table_schema from information_schema.tables where table_name = 'account'")
				.query(String.class)
				.list()).containsExactly("video_call_admin");
			assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
				.query(Long.class)
				.single()).isZero();
			// Nor does the URL need options: the pool's connections compile no query
			// (JIT).
			assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");

			Page users = new HttpBrowser(OwnApplication.port(app)).signIn(SignIn.ADMIN, "demo-password").get("/users");
			assertThat(users.status()).isEqualTo(200);
			assertThat(users.document().select("table tbody td").eachText()).contains(SignIn.CLINIC_ADMIN);
		}
	}

}
