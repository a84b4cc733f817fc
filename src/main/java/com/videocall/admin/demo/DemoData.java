package com.videocall.admin.demo;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plants the demo organisation when the database has no accounts yet, all in one
 * transaction, unless {@code app.demo-data.enabled} is false. Never in the {@code prod}
 * profile: no setting can bring it there. It writes no table itself: every area, account,
 * role and invitation is made by the module that owns it ({@link DemoSeed}).
 */
@Component
@Profile("!prod")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	/**
	 * {@link #PASSWORD} as the application's password encoder stores it, encoded ahead
	 * once: PBKDF2 would otherwise take a noticeable part of the first start. Every test
	 * that signs in through the sign-in form with the demo password checks it.
	 */
	private static final String PASSWORD_HASH = "{pbkdf2-base64}NKBMUYFoYus6MGXWfVKCvlzdYYKTg2DYZwQMZv1NBLCKDHLPO3cvvBlbz9XHDYDm";

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DemoSeed.Modules modules;

	private final DemoDataProperties properties;

	DemoData(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, DemoSeed.Modules modules,
			DemoDataProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.modules = modules;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			return;
		}
		long start = System.nanoTime();
		this.transactions.executeWithoutResult((status) -> {
			// One planting even when several instances start at once on an empty
			// database.
			this.jdbc.sql("select pg_advisory_xact_lock(4242)").query().singleValue();
			if (!this.modules.accounts().noneYet()) {
				return;
			}
			new DemoOrganisation(new DemoSeed(this.modules, this.clock.instant(), PASSWORD_HASH)).plant();
			logger.info("Planted the demo organisation in {} ms; sign in as admin@example.org with password {}",
					(System.nanoTime() - start) / 1_000_000, PASSWORD);
		});
	}

}
