package io.archforge.storage;

import io.archforge.study.StudyConfig;
import java.time.Instant;

/**
 * One line of a study listing.
 *
 * @param config the stored configuration
 * @param created when the study was created
 * @param completedTrials trials in state COMPLETE
 * @param totalTrials trials in any state
 */
public record StudySummary(StudyConfig config, Instant created, int completedTrials, int totalTrials) {
}
