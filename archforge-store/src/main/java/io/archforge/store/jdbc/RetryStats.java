package io.archforge.store.jdbc;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of the transactions of one store that succeeded only after transient errors:
 * how many, how many retries they took, and the longest time one took. Thread-safe.
 */
final class RetryStats {

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();

    /** Records a transaction that succeeded after {@code retried} retries in {@code nanos}. */
    void record(int retried, long nanos) {
        transactions.incrementAndGet();
        retries.addAndGet(retried);
        longestNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Returns the transactions that succeeded after one or more retries. */
    long transactions() {
        return transactions.get();
    }

    /** Returns the retries of those transactions in all. */
    long retries() {
        return retries.get();
    }

    /** Returns the longest time one of them took, first attempt to commit, in milliseconds. */
    long longestMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestNanos.get());
    }
}
