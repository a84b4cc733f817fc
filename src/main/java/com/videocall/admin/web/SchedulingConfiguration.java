package com.videocall.admin.web;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs scheduled work: the outbox dispatcher, which coordinates instances row by row
 * ({@code FOR UPDATE SKIP LOCKED}), and jobs that must run on one instance at a time,
 * which say so with ShedLock's {@code @SchedulerLock}. Their locks are rows of the table
 * {@code shedlock}, timed by the database's clock so that instances need not agree on the
 * time; an instance that finds a job locked skips that round.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(JdbcTemplate jdbc) {
		return new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build());
	}

}
