package io.archforge.app.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The counts of a crash harness run as it goes, turned into a {@link CrashReport} at the end. */
final class CrashTally {

    private final Map<KillMode, Integer> kills = new EnumMap<>(KillMode.class);
    private final Map<Landing, Integer> landings = new EnumMap<>(Landing.class);
    private final List<String> violations = new ArrayList<>();
    private int studies;
    private int restarts;
    private int restartsSurvived;
    private long trialsChecked;
    private int staleTrials;
    private int retriesFromCache;
    private int matchingStudies;
    private int delayChecks;
    private int delayChecksEqual;

    void study() {
        studies++;
    }

    void kill(KillMode mode, Landing landing) {
        landings.merge(landing, 1, Integer::sum);
        if (landing != Landing.FINISHED_FIRST) {
            kills.merge(mode, 1, Integer::sum);
        }
    }

    void restart(boolean survived) {
        restarts++;
        if (survived) {
            restartsSurvived++;
        }
    }

    void checked(int trials) {
        trialsChecked += trials;
    }

    void finishedStudy(int stale, int cachedRetries, boolean matching) {
        staleTrials += stale;
        retriesFromCache += cachedRetries;
        if (matching) {
            matchingStudies++;
        }
    }

    void delayCheck(boolean equal) {
        delayChecks++;
        if (equal) {
            delayChecksEqual++;
        }
    }

    /** Adds {@code broken}, each message prefixed with {@code where}. */
    void violations(String where, List<String> broken) {
        broken.forEach(message -> violations.add(where + ": " + message));
    }

    int totalKills() {
        return kills.values().stream().mapToInt(Integer::intValue).sum();
    }

    CrashReport report(String store, CrashSettings settings, StartupTimes startup,
            Duration elapsed) {
        return new CrashReport(store, settings, studies, kills, landings, restarts,
                restartsSurvived, trialsChecked, staleTrials, retriesFromCache, matchingStudies,
                delayChecks, delayChecksEqual, startup.medianStore(), startup.medianOpen(),
                startup.medianFirstTrial(), violations, elapsed);
    }
}
