package com.videocall.admin.activity;

import com.videocall.admin.support.AdministratorPagesTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the tests of the Activity page share: a clinic of the test's own with its
 * administrator signed in ({@link AdministratorPagesTest}), and the trail to plant
 * entries in.
 */
abstract class ActivityPagesTest extends AdministratorPagesTest {

	@Autowired
	ActivityRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TrailEntries trail;

	@BeforeEach
	void trail() {
		this.trail = new TrailEntries(this.recorder, this.jdbc, this.transactions);
	}

}
