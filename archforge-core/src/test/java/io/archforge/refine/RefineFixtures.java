package io.archforge.refine;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** Builds complete trials of random architectures for refinement tests. */
final class RefineFixtures {

    static final String METRIC = "accuracy";

    private RefineFixtures() {
    }

    /** Returns one complete trial with {@code value} of {@value #METRIC}. */
    static FrozenTrial trial(int number, Architecture architecture, double value) {
        return new FrozenTrial(number, TrialState.COMPLETE, architecture.text(), number,
                Map.of(METRIC, value), List.of(), Map.of(), Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.empty());
    }

    /** {@code count} trials of architectures drawn from {@code space}, valued by {@code value}. */
    static List<FrozenTrial> trials(SearchSpace space, int count, RandomGenerator random,
            ToDoubleFunction<Architecture> value) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Architecture architecture = space.sample(random);
            trials.add(trial(i, architecture, value.applyAsDouble(architecture)));
        }
        return trials;
    }
}
