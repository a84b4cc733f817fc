package com.videocall.admin.onboarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Import Users keeps an upload (IM1-IM3), how it imports and how its page
 * follows an import.
 *
 * @param previewKeptFor how long an uploaded file that was previewed but not imported is
 * kept before it is dropped
 * @param resultsKeptFor how long an import's rows and results are kept after it ended
 * ("Download results")
 * @param threads how many threads of an instance import an upload's rows at once (each
 * the rows of its share of the people)
 * @param stalledAfter how long an import may go without finishing a row before another
 * instance takes it over (its instance stopped)
 * @param refreshEvery how often the page of an import under way refreshes itself, in
 * whole seconds, at least 1 ({@code <meta http-equiv="refresh">})
 */
@ConfigurationProperties("app.imports")
public record ImportProperties(@DefaultValue("1d") Duration previewKeptFor,
		@DefaultValue("30d") Duration resultsKeptFor, @DefaultValue("2") int threads,
		@DefaultValue("2m") Duration stalledAfter, @DefaultValue("2s") Duration refreshEvery) {
}
