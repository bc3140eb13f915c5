package io.archforge.study;

import io.archforge.storage.Storage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the heartbeats of one running trial to its store at a fixed rate, from a
 * daemon thread shared by every trial of the JVM, until it is closed. A heartbeat
 * that fails is logged and the next one tried: a store that stays unreachable lets
 * the trial go stale, and another worker evaluates it again.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "archforge-heartbeat");
                thread.setDaemon(true);
                return thread;
            });

    private final ScheduledFuture<?> task;

    private Heartbeat(ScheduledFuture<?> task) {
        this.task = task;
    }

    /** Starts sending heartbeats of trial {@code number} every {@code interval}. */
    static Heartbeat start(Storage storage, String study, int number, Duration interval) {
        long millis = interval.toMillis();
        return new Heartbeat(TIMER.scheduleAtFixedRate(() -> beat(storage, study, number),
                millis, millis, TimeUnit.MILLISECONDS));
    }

    private static void beat(Storage storage, String study, int number) {
        try {
            storage.heartbeat(study, number);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of trial {} of study '{}' failed: {}", number, study,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
