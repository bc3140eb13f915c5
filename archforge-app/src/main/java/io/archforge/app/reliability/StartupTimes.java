package io.archforge.app.reliability;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The start-up times of recent {@code archforge search} processes, measured from the
 * process start: until it opened the store, until the study was open (its history
 * replayed), and until it stored its first new trial. The harness draws the delay of a
 * kill during a restart from them.
 */
final class StartupTimes {

    /** How many recent processes the estimates use. */
    private static final int RECENT = 9;
    /** How far after the first new trial a kill during a restart may land. */
    private static final Duration AFTER_FIRST_TRIAL = Duration.ofMillis(30);
    /** How far before the study is open a kill may land when the store open is not seen. */
    private static final Duration BEFORE_OPEN = Duration.ofMillis(250);
    /** The assumed start-up before any process was measured. */
    private static final Duration ASSUMED = Duration.ofMillis(1500);

    /**
     * The times of one process.
     *
     * @param store until it opened the store, if seen
     * @param open until its log reported the study open, if seen
     * @param firstTrial until it stored a new trial, if it did
     */
    record Startup(Optional<Duration> store, Optional<Duration> open,
            Optional<Duration> firstTrial) {
    }

    private final Deque<Startup> recent = new ArrayDeque<>();

    /** Records the times of one process. */
    void record(Startup startup) {
        recent.addLast(startup);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    /** Returns the median time until the store was open. */
    Optional<Duration> medianStore() {
        return median(recent.stream().flatMap(s -> s.store().stream()).toList());
    }

    /** Returns the median time until the study was open. */
    Optional<Duration> medianOpen() {
        return median(recent.stream().flatMap(s -> s.open().stream()).toList());
    }

    /** Returns the median time until the first new trial. */
    Optional<Duration> medianFirstTrial() {
        return median(recent.stream().flatMap(s -> s.firstTrial().stream()).toList());
    }

    /**
     * Draws how long after opening the store a restart is killed: uniformly up to the
     * median time from the store open to the first new trial, plus
     * {@link #AFTER_FIRST_TRIAL}.
     */
    Duration drawDelayAfterStore(RandomGenerator random) {
        List<Duration> spans = recent.stream()
                .filter(s -> s.store().isPresent() && s.firstTrial().isPresent())
                .map(s -> s.firstTrial().get().minus(s.store().get()))
                .toList();
        Duration span = median(spans).orElse(BEFORE_OPEN).plus(AFTER_FIRST_TRIAL);
        return Duration.ofMillis(random.nextLong(Math.max(1, span.toMillis()) + 1));
    }

    /**
     * Draws how long after its start a restart is killed when its store open cannot be
     * seen: uniformly from {@link #BEFORE_OPEN} before the median time to an open study to
     * {@link #AFTER_FIRST_TRIAL} after the median time to the first new trial.
     */
    Duration drawDelayAfterStart(RandomGenerator random) {
        Duration first = medianFirstTrial().orElse(ASSUMED);
        Duration open = medianOpen().filter(o -> o.compareTo(first) <= 0).orElse(first);
        long from = Math.max(10, open.minus(BEFORE_OPEN).toMillis());
        long to = Math.max(from + 20, first.plus(AFTER_FIRST_TRIAL).toMillis());
        return Duration.ofMillis(random.nextLong(from, to + 1));
    }

    private static Optional<Duration> median(List<Duration> times) {
        if (times.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = times.stream().sorted().toList();
        return Optional.of(sorted.get(sorted.size() / 2));
    }
}
