package io.archforge.predictor;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.List;

/** Checks that predictors share for their inputs. */
public final class TrainingSets {

    private TrainingSets() {
    }

    /**
     * Checks a training set before {@code predictor} fits it.
     *
     * @throws IllegalArgumentException naming what is required when there are too few
     *     architectures, when the targets do not match them, or when one is from another
     *     space
     */
    public static void check(Predictor predictor, List<Architecture> architectures,
            double[] targets) {
        if (architectures.size() != targets.length) {
            throw new IllegalArgumentException("predictor '" + predictor.name()
                    + "' needs one target per architecture, got " + architectures.size()
                    + " architectures and " + targets.length + " targets");
        }
        if (architectures.size() < predictor.minTrainingSize()) {
            throw new IllegalArgumentException("predictor '" + predictor.name()
                    + "' needs at least " + predictor.minTrainingSize()
                    + " training architectures, got " + architectures.size()
                    + "; evaluate more architectures before fitting it");
        }
        for (int i = 0; i < targets.length; i++) {
            checkSpace(predictor, architectures.get(i));
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("predictor '" + predictor.name()
                        + "': target " + i + " is " + targets[i] + "; targets must be finite");
            }
        }
    }

    /**
     * Checks that {@code architecture} belongs to the predictor's space.
     *
     * @throws IllegalArgumentException naming both spaces when it does not
     */
    public static void checkSpace(Predictor predictor, Architecture architecture) {
        SearchSpace space = predictor.space();
        if (!architecture.space().equals(space.name())
                || architecture.genes().size() != space.choices().size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is from space '" + architecture.space() + "', but predictor '"
                    + predictor.name() + "' was made for space '" + space.name()
                    + "'; fit it on architectures of that space or create one for '"
                    + architecture.space() + "'");
        }
    }
}
