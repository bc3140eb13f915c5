package io.archforge.transfer;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The value a source study gives an architecture: its own value when the source
 * evaluated an isomorphic architecture, else the mean over the source's nearest
 * architectures, when they differ in at most a third of the choices.
 * The distance is {@link GeneDistance}.
 */
final class SourceModel {

    private final SourceStudy source;
    private final GeneDistance distance;
    private final double maxDistance;
    private final Map<String, double[]> byKey = new HashMap<>();

    SourceModel(SourceStudy source, SearchSpace space) {
        this.source = source;
        this.distance = new GeneDistance(space);
        this.maxDistance = Math.max(1, distance.choiceCount() / 3);
        for (TransferredTrial trial : source.trials()) {
            double[] sum = byKey.computeIfAbsent(trial.architecture().isomorphismKey(),
                    key -> new double[2]);
            sum[0] += trial.value();
            sum[1]++;
        }
    }

    /** Returns the source's value of {@code architecture}, or empty when it has none near enough. */
    OptionalDouble value(Architecture architecture) {
        double[] exact = byKey.get(architecture.isomorphismKey());
        if (exact != null) {
            return OptionalDouble.of(exact[0] / exact[1]);
        }
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        int count = 0;
        for (TransferredTrial trial : source.trials()) {
            double apart = distance.between(architecture, trial.architecture());
            if (apart < best - 1e-12) {
                best = apart;
                sum = trial.value();
                count = 1;
            } else if (Math.abs(apart - best) <= 1e-12) {
                sum += trial.value();
                count++;
            }
        }
        return best <= maxDistance ? OptionalDouble.of(sum / count) : OptionalDouble.empty();
    }
}
