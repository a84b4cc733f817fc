package com.videocall.admin.onboarding;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.videocall.admin.directory.AdministratorScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Import Users (IM1-IM4): a file is read and previewed without changing anything, kept in
 * the database, and imported once, row by row, through Add Users' use case. Only the
 * administrator who uploaded a file sees it; to anyone else it does not exist.
 */
@Service
public class ImportManagement {

	private final RowPlanner planner;

	private final ImportStore store;

	private final ImportWorker worker;

	private final Clock clock;

	ImportManagement(RowPlanner planner, ImportStore store, ImportWorker worker, Clock clock) {
		this.planner = planner;
		this.store = store;
		this.worker = worker;
		this.clock = clock;
	}

	/**
	 * Reads the file and stores it with what each row would do (IM2); returns the
	 * import's id. A file that cannot be imported is refused with a
	 * {@link BadFileException} and nothing is stored (IM4).
	 */
	@Transactional
	public long preview(AdministratorScope scope, Long areaId, String fileName, byte[] content) {
		List<ImportRow> rows = ImportFile.read(content);
		List<RowPlan> plans = this.planner.plan(scope, rows);
		return this.store.save(scope.accountId(), areaId, name(fileName), plans, this.clock.instant());
	}

	public ImportSummary get(AdministratorScope scope, long id) {
		return this.store.find(id)
			.filter((found) -> found.administratorId() == scope.accountId())
			.orElseThrow(() -> new ImportNotFoundException(id));
	}

	/** Rows by what the preview decided, or, once imported, by what happened. */
	public Map<RowOutcome, Integer> counts(ImportSummary summary) {
		return this.store.counts(summary.id(), !summary.isPreview());
	}

	/** A page of the rows, those with a problem first. */
	public List<StoredRow> rows(ImportSummary summary, int offset, int limit) {
		return this.store.rows(summary.id(), offset, limit);
	}

	/** Every row in the file's order ("Download results"). */
	public void eachRow(ImportSummary summary, Consumer<StoredRow> action) {
		this.store.eachRow(summary.id(), action);
	}

	/**
	 * "Import [N] rows" (IM3): claims the import, once however often it is asked and on
	 * whichever instance, and starts importing its rows once the claim is committed. True
	 * when this call claimed it.
	 */
	@Transactional
	public boolean start(AdministratorScope scope, long id) {
		get(scope, id);
		if (!this.store.claim(id, this.clock.instant())) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ImportManagement.this.worker.submit(id);
			}
		});
		return true;
	}

	/** "Cancel": drops the upload, if it was not imported. */
	@Transactional
	public void cancel(AdministratorScope scope, long id) {
		this.store.delete(get(scope, id).id(), scope.accountId());
	}

	private static String name(String fileName) {
		String name = (fileName == null) ? "" : fileName.replaceAll("\\p{Cc}", "").strip();
		name = name.isEmpty() ? "spreadsheet.csv" : name;
		return (name.length() > 255) ? name.substring(0, 255) : name;
	}

}
