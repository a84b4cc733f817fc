package com.videocall.admin.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.videocall.admin.VideoCallAdminApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started by a test on its own, as {@code java -jar} starts it: on a new,
 * empty database of its own, with the application's and the management server's ports
 * chosen at random (arguments can fix them), for tests that watch it start or stop, or
 * that need a setting no shared context has.
 */
public final class OwnApplication {

	private OwnApplication() {
	}

	public static ConfigurableApplicationContext start(String... arguments) {
		return start(List.of(), List.of(), arguments);
	}

	/**
	 * Starts it with {@code sources} (classes with {@code @Bean} methods, deliberately
	 * not annotated {@code @Configuration}, so that no other application finds them by
	 * component scan) and the initializers; each argument ({@code --name=value}) replaces
	 * the setting of that name.
	 */
	public static ConfigurableApplicationContext start(List<Class<?>> sources,
			List<ApplicationContextInitializer<?>> initializers, String... arguments) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("management.server.port", "0");
		settings.put("spring.datasource.url", TestDatabase.newDatabase());
		settings.put("spring.datasource.username", TestDatabase.user());
		settings.put("spring.datasource.password", TestDatabase.password());
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			settings.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		return new SpringApplicationBuilder(VideoCallAdminApplication.class).sources(sources.toArray(Class<?>[]::new))
			.initializers(initializers.toArray(ApplicationContextInitializer<?>[]::new))
			.run(settings.entrySet()
				.stream()
				.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public static int managementPort(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
	}

}
