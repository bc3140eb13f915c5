package io.archforge.transfer;

import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form in which a new study stores the trials it took from a source study, so
 * that it keeps its knowledge when the source study changes or is deleted. One line per
 * complete trial: the trial number, the metric value as Java writes a double, and the
 * architecture string, separated by tabs.
 */
public final class TransferSnapshot {

    private TransferSnapshot() {
    }

    /** Writes the complete trials of {@code trials} that carry {@code metric}. */
    public static String write(List<FrozenTrial> trials, String metric) {
        StringBuilder text = new StringBuilder();
        for (FrozenTrial trial : trials) {
            Double value = trial.metrics().get(metric);
            if (trial.state() == TrialState.COMPLETE && value != null && Double.isFinite(value)) {
                text.append(trial.number()).append('\t').append(value).append('\t')
                        .append(trial.architecture()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Reads a snapshot of study {@code name} with the architectures parsed in
     * {@code space} and the values normalised by the direction of {@code primary}.
     *
     * @throws IllegalArgumentException naming the study and the line when a line is
     *     malformed or its architecture is not of {@code space}
     */
    public static SourceStudy read(String name, String text, SearchSpace space,
            Objective primary) {
        List<TransferredTrial> trials = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split("\t", 3);
            if (fields.length != 3) {
                throw new IllegalArgumentException("stored trials of source study '" + name
                        + "', line " + (i + 1) + ": expected number, value and architecture "
                        + "separated by tabs, got '" + lines[i] + "'");
            }
            try {
                double value = -primary.direction().toMinimized(Double.parseDouble(fields[1]));
                trials.add(new TransferredTrial(name, Integer.parseInt(fields[0]),
                        space.parse(fields[2]), value));
            } catch (NumberFormatException | ArchitectureFormatException e) {
                throw new IllegalArgumentException("stored trials of source study '" + name
                        + "', line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new SourceStudy(name, trials);
    }
}
