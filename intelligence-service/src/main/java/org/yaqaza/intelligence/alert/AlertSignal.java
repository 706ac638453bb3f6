package org.yaqaza.intelligence.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Wakes this instance's alert streams as soon as a transaction that created alerts commits. Streams also poll
 * the database on a timer, so alerts created by another instance still arrive (a little later).
 */
@ApplicationScoped
public class AlertSignal {

    private final BroadcastProcessor<Long> processor = BroadcastProcessor.create();
    private final TransactionSynchronizationRegistry registry;

    public AlertSignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Signals after the current transaction commits (never for a rolled-back one). */
    public void afterCommit() {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    processor.onNext(System.nanoTime());
                }
            }
        });
    }

    public Multi<Long> stream() {
        return processor;
    }
}
