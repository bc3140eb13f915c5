package io.archforge.app.reliability;

import io.archforge.storage.TrialCounts;
import io.archforge.store.jdbc.Storages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Follows one running search: its open files for the moment it opens the store, its log
 * for the line that reports the study open, and the store for its progress. It notes how
 * long the process took to reach each of these.
 */
final class ProcessWatch {

    /** How often the store and the log are read. */
    private static final long POLL_MILLIS = 5;
    /** How often the open files are read while waiting for the store to open. */
    private static final long HANDLE_POLL_MILLIS = 1;

    /** The end of a wait. */
    enum End {
        /** The awaited point came while the process ran. */
        REACHED,
        /** The process exited first. */
        EXITED,
        /** The process ran past its time limit. */
        TIMED_OUT,
        /** The awaited point cannot be seen on this system. */
        UNSEEN
    }

    private final SearchChild child;
    private final StoreProbe probe;
    private final String study;
    private final Optional<Path> sqliteFile;
    private final TrialCounts start;
    private final Duration limit;
    private TrialCounts counts;
    private Duration store;
    private Duration open;
    private Duration firstTrial;

    /**
     * Watches {@code child}, which runs {@code study} in the store at {@code location};
     * {@code start} are the study's counts before the process started.
     */
    ProcessWatch(SearchChild child, StoreProbe probe, String location, String study,
            TrialCounts start, Duration limit) {
        this.child = child;
        this.probe = probe;
        this.study = study;
        this.sqliteFile = Storages.sqliteFile(location);
        this.start = start;
        this.limit = limit;
        this.counts = start;
    }

    /** Waits until the study has {@code finished} finished trials. */
    End awaitFinished(int finished) throws InterruptedException {
        while (true) {
            if (!child.isAlive()) {
                return End.EXITED;
            }
            poll();
            if (counts.finished() >= finished) {
                return End.REACHED;
            }
            if (child.age().compareTo(limit) > 0) {
                return End.TIMED_OUT;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits until the process has opened its store, reading only its open files, so that
     * the harness adds no load to the store at that moment.
     */
    End awaitStoreOpen() throws InterruptedException {
        while (true) {
            if (!child.isAlive()) {
                return End.EXITED;
            }
            Duration age = child.age();
            Optional<Boolean> opened = StoreHandles.opened(child.pid(), sqliteFile);
            if (opened.isEmpty()) {
                return End.UNSEEN;
            }
            if (opened.get()) {
                store = age;
                return End.REACHED;
            }
            if (age.compareTo(limit) > 0) {
                return End.TIMED_OUT;
            }
            Thread.sleep(HANDLE_POLL_MILLIS);
        }
    }

    /** Waits until the process is {@code age} old, without reading the store. */
    End awaitAge(Duration age) throws InterruptedException {
        while (true) {
            if (!child.isAlive()) {
                return End.EXITED;
            }
            Duration left = age.minus(child.age());
            if (left.isNegative() || left.isZero()) {
                return End.REACHED;
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left.toMillis())));
        }
    }

    /** Waits until the process exits. */
    End awaitExit() throws InterruptedException {
        while (child.isAlive()) {
            poll();
            if (child.age().compareTo(limit) > 0) {
                return End.TIMED_OUT;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return End.EXITED;
    }

    /** Returns the start-up times seen so far. */
    StartupTimes.Startup startup() {
        return new StartupTimes.Startup(Optional.ofNullable(store), Optional.ofNullable(open),
                Optional.ofNullable(firstTrial));
    }

    /** Returns whether the process was seen holding its store open. */
    boolean storeSeenOpen() {
        return store != null;
    }

    /** Returns whether the log of {@code child} reports {@code study} open. */
    static boolean loggedOpen(SearchChild child, String study) {
        String log = child.stderr();
        // The lines Study.open logs when it created or resumed the study.
        return log.contains("Created study '" + study + "'")
                || log.contains("Resumed study '" + study + "'");
    }

    private void poll() {
        Duration age = child.age();
        if (store == null && StoreHandles.opened(child.pid(), sqliteFile).orElse(false)) {
            store = age;
        }
        if (open == null && loggedOpen(child, study)) {
            open = age;
        }
        counts = probe.counts(study);
        if (firstTrial == null && counts.nextNumber() > start.nextNumber()) {
            firstTrial = age;
        }
    }
}
