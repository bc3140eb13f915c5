package io.archforge.app.cli;

import io.archforge.storage.Storage;
import io.archforge.study.Study;
import java.time.Duration;
import java.util.Optional;

/**
 * The time limit of each trial of a study ({@code --trial-timeout}), stored as the study
 * attribute {@value #ATTRIBUTE} in milliseconds, so that a resumed run and a
 * {@code worker} given only the store and the study name apply it too. A run that gives
 * {@code --trial-timeout} replaces the stored limit; without one, a study has no limit.
 */
final class TrialTimeouts {

    static final String ATTRIBUTE = "trial_timeout_ms";
    static final String OPTION = "--trial-timeout";

    private TrialTimeouts() {
    }

    /**
     * Parses {@code --trial-timeout}.
     *
     * @throws UsageException naming the value and the expected form
     */
    static Optional<Duration> parse(String text) {
        return Optional.ofNullable(text).map(given -> Durations.parse(given, OPTION));
    }

    /**
     * Stores the given limit with the study, or reads the stored one, and applies it to
     * {@code study}.
     *
     * @return the limit this run applies, or empty for none
     */
    static Optional<Duration> apply(Storage storage, Study study, String given) {
        String name = study.config().name();
        Optional<Duration> limit = parse(given);
        if (limit.isPresent()) {
            storage.setStudyAttribute(name, ATTRIBUTE, Long.toString(limit.get().toMillis()));
        } else {
            limit = Optional.ofNullable(storage.studyAttributes(name).get(ATTRIBUTE))
                    .map(Long::parseLong).map(Duration::ofMillis);
        }
        limit.ifPresent(study::useTrialTimeout);
        return limit;
    }
}
