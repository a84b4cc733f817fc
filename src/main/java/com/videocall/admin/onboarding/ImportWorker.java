package com.videocall.admin.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.account.AccountManagement;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;
import com.videocall.admin.invitation.Actor;
import com.videocall.admin.invitation.InvitationManagement;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a claimed upload's rows one at a time, each in its own transaction (IM3): the
 * row is locked ({@code for update skip locked}), checked again against the database as
 * it is now (what the preview decided may have changed: a person invited meanwhile, an
 * area no longer in the administrator's scope, read again for each row), given to Add
 * Users' use case, and its result written in the same transaction, so that a row is
 * imported once whichever instance or thread gets it, and the import's page can count how
 * far it got. Rows run on a thread of their own; an import whose instance stopped is
 * taken over by another after {@code app.imports.stalled-after}.
 */
@Component
class ImportWorker {

	private static final Logger logger = LoggerFactory.getLogger(ImportWorker.class);

	private final ImportStore store;

	private final RowPlanner planner;

	private final InvitationManagement invitations;

	private final AdministratorScopes scopes;

	private final AccountManagement accounts;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final ImportProperties properties;

	private final Clock clock;

	private final ThreadPoolExecutor threads;

	ImportWorker(ImportStore store, RowPlanner planner, InvitationManagement invitations, AdministratorScopes scopes,
			AccountManagement accounts, PlatformTransactionManager transactionManager, MessageSource messages,
			ImportProperties properties, Clock clock) {
		this.store = store;
		this.planner = planner;
		this.invitations = invitations;
		this.scopes = scopes;
		this.accounts = accounts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.threads = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(100), (task) -> {
					Thread thread = new Thread(task, "user-import");
					thread.setDaemon(true);
					return thread;
				}, (task, executor) -> logger.warn("An import waits for the next round: 100 are queued already"));
	}

	/**
	 * Imports the rows on the import threads, later: each thread the rows of its share of
	 * the people (by email), so that one person's rows are imported in the file's order.
	 */
	void submit(long importId) {
		int parts = this.properties.threads();
		for (int part = 0; part < parts; part++) {
			Share share = new Share(part, parts);
			this.threads.execute(() -> {
				try {
					run(importId, share);
				}
				catch (RuntimeException ex) {
					logger.error("Import {} stopped; it goes on in the next round", importId, ex);
				}
			});
		}
	}

	/**
	 * Imports every row of the share left, then ends the import if none is left at all.
	 */
	void run(long importId, Share share) {
		Optional<ImportSummary> found = this.store.find(importId);
		if (found.isEmpty() || !found.get().isImporting()) {
			return;
		}
		long administratorId = found.get().administratorId();
		Actor actor = new Actor(administratorId, this.accounts.get(administratorId).getDisplayName(),
				this.messages.getMessage("history.source.import", null, Locale.ROOT));
		Attempts attempts = new Attempts();
		while (importNext(importId, share, actor, attempts)) {
			// one row at a time, each in its own transaction
		}
		this.store.finishIfDone(importId, this.clock.instant());
	}

	/** Takes over imports whose instance stopped. */
	@Scheduled(fixedDelay = 30, initialDelay = 30, timeUnit = TimeUnit.SECONDS)
	void resumeStalled() {
		for (long id : this.store.stalled(this.clock.instant().minus(this.properties.stalledAfter()))) {
			submit(id);
		}
	}

	/**
	 * Drops previews nobody imported, and finished imports' results, after their time.
	 */
	@Scheduled(cron = "0 40 * * * *")
	@SchedulerLock(name = "user-import-cleanup", lockAtMostFor = "10m")
	void dropOld() {
		Instant now = this.clock.instant();
		int dropped = this.store.deleteOld(now.minus(this.properties.previewKeptFor()),
				now.minus(this.properties.resultsKeptFor()));
		if (dropped > 0) {
			logger.info("Dropped {} old uploads of Import Users", dropped);
		}
	}

	/**
	 * Imports the next row; false when none is left. A row refused by a change made at
	 * that moment (another administrator adding the same person) is tried once more, then
	 * says so.
	 */
	private boolean importNext(long importId, Share share, Actor actor, Attempts attempts) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				Optional<StoredRow> row = this.store.nextToImport(importId, share);
				row.ifPresent((next) -> attempts.trying(next.row().line()));
				row.ifPresent((next) -> importRow(importId, next, actor));
				return row.isPresent();
			}));
		}
		catch (RuntimeException ex) {
			logger.info("Row {} of import {} was refused: {}", attempts.line, importId, ex.toString());
			if (attempts.failedTwice()) {
				int line = attempts.line;
				this.transactions.executeWithoutResult((status) -> {
					if (this.store.lockIfToDo(importId, line)) {
						this.store.record(importId, line, RowOutcome.FAILED, this.clock.instant());
					}
				});
			}
			return true;
		}
	}

	/**
	 * The administrator's scope is read again for each row, in the row's transaction: an
	 * administrator who lost an area (or was disabled) while the import ran imports no
	 * more rows into it ("Unknown area").
	 */
	private void importRow(long importId, StoredRow stored, Actor actor) {
		Instant now = this.clock.instant();
		AdministratorScope scope = this.scopes.forAccount(actor.accountId());
		RowPlan plan = this.planner.plan(scope, List.of(stored.row())).get(0);
		RowOutcome result = plan.outcome();
		if (!result.isProblem()) {
			result = RowOutcome.of(this.invitations.addUsers(scope, actor, plan.offers(), stored.row().email(),
					stored.row().message(), now));
		}
		this.store.record(importId, stored.row().line(), result, now);
	}

	/**
	 * Which people's rows a thread imports: those whose email's hash is {@code part} of
	 * {@code parts}.
	 */
	record Share(int part, int parts) {
	}

	/** The row being imported, and whether it already failed once. */
	private static final class Attempts {

		private int line = -1;

		private int failures;

		void trying(int line) {
			if (line != this.line) {
				this.line = line;
				this.failures = 0;
			}
		}

		boolean failedTwice() {
			return ++this.failures >= 2;
		}

	}

}
