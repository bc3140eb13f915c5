package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads the repeatable {@code --constraint METRIC<=BOUND[@DEVICE]} option. */
final class ConstraintOptions {

    /** The device name that means this machine. */
    static final String LOCAL = "local";

    private ConstraintOptions() {
    }

    /**
     * Parses each text and checks that together they leave some value feasible.
     *
     * @throws UsageException naming the bad text and the expected form
     */
    static List<Constraint> parse(List<String> texts) {
        return parse(texts, "--constraint");
    }

    /**
     * Parses each text of {@code option} and checks that together they leave some value
     * feasible. The result is sorted by its text, so the order given does not matter.
     *
     * @throws UsageException naming the option, the bad text and the expected form
     */
    static List<Constraint> parse(List<String> texts, String option) {
        if (texts == null) {
            return List.of();
        }
        List<Constraint> parsed = new ArrayList<>();
        for (String text : texts) {
            try {
                parsed.add(Constraint.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid " + option + ": " + e.getMessage(), e);
            }
        }
        try {
            Constraints.checkConsistent(parsed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid " + option + ": " + e.getMessage(), e);
        }
        parsed.sort(Comparator.comparing(Constraint::toString));
        return List.copyOf(parsed);
    }

    /**
     * Returns the constraints as a study over {@code spec} stores them: a device that is the
     * study's own (its {@code --device}, or {@code local} for real training, which
     * measures on this machine) is dropped, so the constraint reads the plain metric.
     */
    static List<Constraint> forSpec(List<Constraint> constraints, DatasetSpec spec) {
        Optional<String> own = spec instanceof DatasetSpec.Tabular tabular ? tabular.device()
                : Optional.of(LOCAL);
        List<Constraint> resolved = new ArrayList<>();
        for (Constraint constraint : constraints) {
            boolean ownDevice = constraint.device().isPresent()
                    && constraint.device().equals(own);
            resolved.add(ownDevice
                    ? new Constraint(constraint.metric(), constraint.relation(),
                            constraint.bound(), Optional.empty())
                    : constraint);
        }
        resolved.sort(Comparator.comparing(Constraint::toString));
        return List.copyOf(resolved);
    }

    /**
     * Returns {@code spec} extended to report every metric the resolved constraints read
     * on other devices: for the benchmark, each device becomes an extra table column.
     *
     * @throws UsageException when real training is constrained on another device, or the
     *     benchmark on this machine while its own device is a table column
     */
    static DatasetSpec withDevices(DatasetSpec spec, List<Constraint> resolved) {
        TreeSet<String> devices = new TreeSet<>();
        resolved.forEach(constraint -> constraint.device().ifPresent(devices::add));
        if (devices.isEmpty()) {
            return spec;
        }
        if (spec instanceof DatasetSpec.Tabular tabular) {
            Optional<Constraint> local = resolved.stream()
                    .filter(c -> c.device().equals(Optional.of(LOCAL))).findFirst();
            if (local.isPresent()) {
                throw new UsageException("--constraint " + local.get() + " measures on this "
                        + "machine, which a NAS-Bench-201 search does only with --device "
                        + LOCAL + "; add --device " + LOCAL + " or name a table device");
            }
            return tabular.withExtraDevices(devices);
        }
        if (spec instanceof DatasetSpec.Domain domain && domain.tabular()) {
            // A tabular domain reports METRIC@DEVICE itself, and the search checks that it does.
            return spec;
        }
        throw new UsageException("--constraint on device " + devices.first() + ": real "
                + "training measures latency on this machine only; write the constraint "
                + "without @DEVICE or with @" + LOCAL);
    }
}
