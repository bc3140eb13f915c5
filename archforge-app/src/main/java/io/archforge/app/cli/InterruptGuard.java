package io.archforge.app.cli;

import io.archforge.study.Study;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a search on SIGINT. A JVM shutdown hook asks the study to stop, then waits
 * until the command has left the running trial STALE, closed the store's
 * transactions and printed its summary ({@link #close}); only then does the JVM
 * exit, with status 130 for SIGINT. Create it before opening the store and close it
 * after closing the store, so the store is closed too before the JVM exits.
 */
final class InterruptGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptGuard.class);

    /** How long the hook waits for the running trial to stop before the JVM exits anyway. */
    private static final long WAIT_MINUTES = 2;

    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;
    private volatile Study study;

    InterruptGuard() {
        this.hook = new Thread(this::stopAndWait, "archforge-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts guarding {@code study}; before this call, SIGINT exits at once. */
    void watch(Study running) {
        this.study = running;
    }

    private void stopAndWait() {
        Study study = this.study;
        if (study == null || saved.getCount() == 0) {
            return;
        }
        LOG.info("Interrupted: stopping study '{}' after saving the running trial",
                study.config().name());
        study.stop();
        try {
            if (!saved.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
                LOG.warn("Study '{}' did not stop within {} minutes; exiting anyway, so its "
                        + "running trial stays RUNNING until the next run marks it STALE",
                        study.config().name(), WAIT_MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports the search saved and removes the hook unless the JVM is already exiting. */
    @Override
    public void close() {
        saved.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM is shutting down; the interrupt hook stays registered");
        }
    }
}
