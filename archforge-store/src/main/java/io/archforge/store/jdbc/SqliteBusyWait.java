package io.archforge.store.jdbc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.BusyHandler;

/**
 * The busy handler of one SQLite connection: while another connection holds the lock a
 * statement needs, it sleeps a few milliseconds at random and lets SQLite try again, up
 * to a time limit per wait.
 *
 * <p>SQLite's own busy timeout sleeps ever longer between tries, up to 100 ms each (see
 * {@code sqliteDefaultBusyCallback} in SQLite's {@code main.c}). With dozens of
 * processes writing, the write lock is free only for moments between their
 * transactions, so a process that looks every 100 ms rarely finds it free and can wait
 * past any timeout while the others take turns. Short random sleeps give every waiting
 * process about the same chance at each moment the lock is free.
 *
 * <p>SQLite calls the handler on the thread that runs the statement, and a pooled
 * connection serves one thread at a time, so the state needs no synchronisation.
 */
final class SqliteBusyWait extends BusyHandler {

    /** The maximum sleep between two tries, in milliseconds. */
    private static final int MAX_SLEEP_MILLIS = 8;

    private final long limitNanos;
    private long waitStart;

    /** @param limit how long one statement waits for a lock before it fails with SQLITE_BUSY */
    SqliteBusyWait(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /**
     * Sleeps before SQLite tries to take the lock again.
     *
     * @param previousCalls how often SQLite called the handler before in this wait
     * @return 1 to try again, or 0 to fail the statement with SQLITE_BUSY once the limit
     *     has passed or the thread is interrupted
     */
    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            waitStart = now;
        }
        if (now - waitStart >= limitNanos) {
            return 0;
        }
        // The first tries follow each other closely; later ones spread over up to 8 ms.
        int bound = Math.min(MAX_SLEEP_MILLIS, previousCalls + 1);
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextInt(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1;
    }
}
