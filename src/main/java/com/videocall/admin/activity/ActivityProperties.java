package com.videocall.admin.activity;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the activity trail keeps its entries and how often its chain is checked (AC5).
 * The retention is a {@link Period}, not a {@code Duration}, so that it can be written in
 * years ({@code 7y}, also {@code 90d} or ISO-8601 {@code P7Y}) and counts calendar years
 * in {@code app.time-zone}, leap days included.
 *
 * @param retention entries that happened longer ago than this are removed by the daily
 * retention job, which leaves a checkpoint the chain continues from
 * @param integrityCheckInterval how often the chain is checked, on one instance: a check
 * runs when the newest is this old (and soon after the first start)
 */
@ConfigurationProperties("app.activity")
public record ActivityProperties(@DefaultValue("7y") Period retention,
		@DefaultValue("1d") Duration integrityCheckInterval) {
}
