package org.yaqaza.intelligence.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.yaqaza.intelligence.screening.ScreeningConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * The worker pools of the service, as bounded {@link ManagedExecutor}s. A task runs with the context of the
 * request that submitted it: its CDI request context (the caller and the client address the audit trail records)
 * and its request id (every log line and audit event; see common's {@code RequestIdContextProvider}), but never
 * inside its transaction: each task commits its own work.
 */
@Singleton
public class Workers {

    /** Reads and validates the lines of one bulk ingest, for as long as its body arrives. */
    public static final String BULK_PARSE = "bulk-parse";
    /** Stores parsed bulk batches, one transaction each. */
    public static final String BULK_STORE = "bulk-store";
    /** Screens the chunks of batch screening requests, one transaction each. */
    public static final String SCREENING_BATCH = "screening-batch";

    @Produces
    @ApplicationScoped
    @Identifier(BULK_PARSE)
    ManagedExecutor bulkParsers(IntelligenceConfig config) {
        return bounded(config.bulk().maxConcurrentIngests());
    }

    @Produces
    @ApplicationScoped
    @Identifier(BULK_STORE)
    ManagedExecutor bulkStorers(IntelligenceConfig config) {
        return bounded(config.bulk().parallelism());
    }

    @Produces
    @ApplicationScoped
    @Identifier(SCREENING_BATCH)
    ManagedExecutor screeningWorkers(ScreeningConfig config) {
        return bounded(config.batchParallelism());
    }

    /** {@code threads} at most; tasks beyond them wait in line (their submitters bound how many they queue). */
    private static ManagedExecutor bounded(int threads) {
        return ManagedExecutor.builder().maxAsync(Math.max(1, threads)).maxQueued(-1)
                .propagated(ThreadContext.ALL_REMAINING).cleared(ThreadContext.TRANSACTION).build();
    }

    void close(@Disposes @Identifier(BULK_PARSE) ManagedExecutor pool) {
        pool.shutdownNow();
    }

    void closeStorers(@Disposes @Identifier(BULK_STORE) ManagedExecutor pool) {
        pool.shutdownNow();
    }

    void closeScreening(@Disposes @Identifier(SCREENING_BATCH) ManagedExecutor pool) {
        pool.shutdownNow();
    }
}
