package db.migration;

import java.util.concurrent.atomic.AtomicReference;

import com.videocall.admin.activity.ActivityChain;
import com.videocall.admin.activity.StoredEntries;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Chains the entries V21 copied from the invitation history, in id order, with the one
 * definition of the hash ({@link ActivityChain}); afterwards every entry has one, and the
 * repeatable migration R__activity.sql makes the trail append-only.
 */
public class V22__activity_chain extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		AtomicReference<byte[]> previous = new AtomicReference<>(ActivityChain.START);
		StoredEntries.after(jdbc, Long.MIN_VALUE, (entry) -> {
			byte[] hash = entry.expectedHash(previous.get());
			jdbc.sql("update activity_entry set hash = ? where id = ?").params(hash, entry.id()).update();
			previous.set(hash);
		});
		jdbc.sql("alter table activity_entry alter column hash set not null").update();
	}

}
