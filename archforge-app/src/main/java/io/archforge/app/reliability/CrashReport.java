package io.archforge.app.reliability;

import io.archforge.app.child.HarnessReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a crash harness run.
 *
 * @param store where the studies lived
 * @param settings the settings of the run
 * @param studies the studies run, each killed and then run to completion
 * @param kills the kills by the mode they aimed at
 * @param landings the kills by where they landed, plus processes that finished first
 * @param restarts the processes started on a study that a kill had interrupted
 * @param restartsSurvived the restarts that ran until the harness killed them or until
 *     they finished the study, without failing on their own
 * @param trialsChecked the trials in every store snapshot checked after a kill or at the
 *     end of a study
 * @param staleTrials the STALE trials in the finished studies
 * @param retriesFromCache the retries of STALE trials served from the evaluation cache,
 *     which shows that a kill landed between the cache write and the trial's last write
 * @param matchingStudies the studies whose COMPLETE trials equal those of a run without
 *     kills with the same seed and options
 * @param delayChecks the studies whose reference also ran without the trial delay
 * @param delayChecksEqual the delay checks that found the same COMPLETE trials either way
 * @param medianStore the median time from process start until it opened the store
 * @param medianOpen the median time from process start until the study was open
 * @param medianFirstTrial the median time from process start until the first new trial
 * @param violations one message per broken promise; empty when all held
 * @param elapsed the wall time of the run
 */
public record CrashReport(String store, CrashSettings settings, int studies,
        Map<KillMode, Integer> kills, Map<Landing, Integer> landings, int restarts,
        int restartsSurvived, long trialsChecked, int staleTrials, int retriesFromCache,
        int matchingStudies, int delayChecks, int delayChecksEqual,
        Optional<Duration> medianStore, Optional<Duration> medianOpen,
        Optional<Duration> medianFirstTrial,
        List<String> violations, Duration elapsed) implements HarnessReport {

    public CrashReport {
        kills = Map.copyOf(kills);
        landings = Map.copyOf(landings);
        violations = List.copyOf(violations);
    }

    /** Returns the kills of every mode together. */
    public int totalKills() {
        return kills.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Returns whether every study ended as its uninterrupted run did. */
    public boolean matchesUninterrupted() {
        return matchingStudies == studies;
    }

    /** Returns whether every promise held. */
    @Override
    public boolean passed() {
        return violations.isEmpty();
    }

    /** Returns the report as a JSON object of plain maps, lists and numbers. */
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", store);
        json.put("strategies", settings.strategies());
        json.put("trials_per_study", settings.trials());
        json.put("seed", settings.seed());
        json.put("trial_delay_ms", settings.trialDelayMillis());
        json.put("studies", studies);
        json.put("kills", totalKills());

        Map<String, Integer> byMode = new LinkedHashMap<>();
        for (KillMode mode : KillMode.values()) {
            byMode.put(mode.label(), kills.getOrDefault(mode, 0));
        }
        json.put("kills_by_mode", byMode);

        Map<String, Integer> byLanding = new LinkedHashMap<>();
        for (Landing landing : Landing.values()) {
            byLanding.put(landing.name().toLowerCase(Locale.ROOT),
                    landings.getOrDefault(landing, 0));
        }
        json.put("landings", byLanding);

        json.put("restarts", restarts);
        json.put("restarts_survived", restartsSurvived);
        json.put("trials_checked", trialsChecked);
        json.put("stale_trials", staleTrials);
        json.put("retries_from_cache", retriesFromCache);
        json.put("matching_studies", matchingStudies);
        json.put("matches_uninterrupted", matchesUninterrupted());
        json.put("delay_checks", delayChecks);
        json.put("delay_checks_equal", delayChecksEqual);
        medianStore.ifPresent(d -> json.put("median_ms_to_store_open", d.toMillis()));
        medianOpen.ifPresent(d -> json.put("median_ms_to_study_open", d.toMillis()));
        medianFirstTrial.ifPresent(d -> json.put("median_ms_to_first_trial", d.toMillis()));
        json.put("violations", violations);
        json.put("seconds", elapsed.toMillis() / 1000.0);
        return json;
    }

    /** Returns the report as text lines for a terminal. */
    @Override
    public String toText() {
        List<String> lines = new ArrayList<>();
        lines.add("store:              " + store);
        lines.add("studies:            " + studies + " (" + settings.trials()
                + " trials each, strategies " + String.join(", ", settings.strategies())
                + ", seeds from " + settings.seed() + ")");
        Map<KillMode, Integer> byMode = new EnumMap<>(KillMode.class);
        byMode.putAll(kills);
        lines.add("kills:              " + totalKills() + " (" + describe(byMode) + ")");
        List<String> landed = new ArrayList<>();
        for (Landing landing : Landing.values()) {
            if (landings.getOrDefault(landing, 0) > 0) {
                landed.add(landing.description() + " " + landings.get(landing));
            }
        }
        lines.add("landed:             " + String.join(", ", landed));
        lines.add("restarts survived:  " + restartsSurvived + " of " + restarts);
        lines.add("trials checked:     " + trialsChecked + " (" + staleTrials
                + " STALE at the end, " + retriesFromCache + " retries served from the cache)");
        lines.add("start-up (median):  " + millis(medianStore) + " to the store open, "
                + millis(medianOpen) + " to the study open, " + millis(medianFirstTrial)
                + " to the first new trial");
        lines.add("as uninterrupted:   " + matchingStudies + " of " + studies + " studies");
        lines.add("delay changes none: " + delayChecksEqual + " of " + delayChecks
                + " studies checked with and without --trial-delay");
        lines.add("violations:         " + violations.size());
        violations.forEach(v -> lines.add("  " + v));
        lines.add(String.format(Locale.ROOT, "time:               %.1f s",
                elapsed.toMillis() / 1000.0));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String millis(Optional<Duration> time) {
        return time.map(d -> d.toMillis() + " ms").orElse("?");
    }

    private static String describe(Map<KillMode, Integer> byMode) {
        List<String> parts = new ArrayList<>();
        for (KillMode mode : KillMode.values()) {
            parts.add(byMode.getOrDefault(mode, 0) + " " + mode.label());
        }
        return String.join(", ", parts);
    }
}
