package io.haat.platform.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code outbox} table as the relay loop sees it: a batch is one transaction that claims rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of relays can run at once without sending a row twice.
 */
public class JdbcOutboxStore implements OutboxStore<OutboxMessage> {

    private final OutboxRepository outbox;
    private final TransactionTemplate transaction;
    private final Duration retention;

    public JdbcOutboxStore(OutboxRepository outbox, PlatformTransactionManager transactionManager, Duration retention) {
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.retention = retention;
    }

    @Override
    public List<OutboxMessage> claimBatch(int limit) {
        return outbox.claimBatch(limit);
    }

    @Override
    public void markSent(List<OutboxMessage> entries) {
        outbox.markSent(entries.stream().map(OutboxMessage::id).toList());
    }

    @Override
    public void markFailed(OutboxMessage entry, int sentCount, String error, Duration retryAfter) {
        outbox.markFailed(entry.id(), error, retryAfter); // one message per row: sentCount is 0
    }

    // the row locks of the claim hold until the rows are marked: claim, send and mark commit together
    @Override
    public <T> T inBatch(Supplier<T> batch) {
        return transaction.execute(status -> batch.get());
    }

    @Override
    public int cleanUp() {
        Integer deleted = transaction.execute(status -> outbox.deleteSentOlderThan(retention));
        return deleted == null ? 0 : deleted;
    }
}
