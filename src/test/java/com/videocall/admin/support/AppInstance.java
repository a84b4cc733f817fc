package com.videocall.admin.support;

import java.util.ArrayList;
import java.util.List;

import com.videocall.admin.VideoCallAdminApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One instance of the whole application on a port of its own, started the way
 * {@code java -jar} starts it rather than by Spring's test framework, so that a test can
 * run several side by side on one database and stop any of them. Its emails go to the
 * SMTP port it is given, with a quick dispatcher.
 */
public final class AppInstance implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private AppInstance(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/** Starts an instance on the database (a URL of {@link TestDatabase}). */
	public static AppInstance start(String name, String databaseUrl, int smtpPort) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(),
				// Several instances in one test run share the database server's
				// connections.
				"--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + applicationName(name),
				"--logging.level.com.icegreen.greenmail=WARN"));
		MailServer.settings(smtpPort).forEach((setting) -> arguments.add("--" + setting));
		return new AppInstance(name,
				new SpringApplicationBuilder(VideoCallAdminApplication.class).run(arguments.toArray(String[]::new)));
	}

	public String name() {
		return this.name;
	}

	/**
	 * The name its database connections give PostgreSQL ({@code application_name} in
	 * {@code pg_stat_activity}).
	 */
	public String applicationName() {
		return applicationName(this.name);
	}

	private static String applicationName(String name) {
		return "video-call-admin " + name;
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public JdbcClient jdbc() {
		return bean(JdbcClient.class);
	}

	/** Stops the instance as a shutdown of its process would. */
	@Override
	public void close() {
		this.context.close();
	}

}
