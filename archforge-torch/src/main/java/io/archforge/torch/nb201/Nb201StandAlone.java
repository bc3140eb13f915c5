package io.archforge.torch.nb201;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import io.archforge.torch.train.TrainingRecipe;
import io.archforge.torch.train.TrainingResult;
import java.util.Objects;

/**
 * A trainer that trains one NAS-Bench-201 cell at a time from scratch in a
 * {@link Nb201Skeleton} with a fixed {@link TrainingRecipe}, and scores it on held-out
 * images. The score is the stand-alone accuracy that weight-sharing estimates are judged
 * against.
 */
public final class Nb201StandAlone {

    private final Nb201NetworkBuilder builder;
    private final Trainer trainer;

    /**
     * Creates a trainer of cells for images of {@code input}.
     *
     * @param input the shape and classes of the images
     * @param skeleton the network around the cell
     * @param recipe the epochs, batch size and optimizer settings. Its image counts are
     *     unused because the data split sets them.
     */
    public Nb201StandAlone(Nb201Input input, Nb201Skeleton skeleton, TrainingRecipe recipe) {
        this.builder = Nb201NetworkBuilder.forInput(input).withSkeleton(skeleton);
        this.trainer = new Trainer(Objects.requireNonNull(recipe, "recipe"));
    }

    /** Returns the builder of the networks this trainer trains. */
    public Nb201NetworkBuilder builder() {
        return builder;
    }

    /**
     * Trains the network of {@code cell} on {@code data.train()} and scores it on
     * {@code data.validation()} after every epoch.
     *
     * @param seed fixes the initial weights and the order of the images
     */
    public Result train(Architecture cell, DataSplit data, long seed, EvaluationContext context) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block network = builder.build(cell);
            Trainer.initialize(network, manager, builder.input().batchShape(1), seed);
            TrainingResult result = trainer.fit(network, manager, data, seed, context);
            NetworkCost cost = NetworkCost.of(network, builder.input().batchShape(1));
            return new Result(cell, result.accuracy(), result.trainSeconds(), cost.megaParams());
        }
    }

    /**
     * The outcome of one stand-alone training.
     *
     * @param cell the trained cell
     * @param accuracy validation accuracy after the last epoch, percent
     * @param seconds time spent in training steps
     * @param params trainable parameters of the network, millions
     */
    public record Result(Architecture cell, double accuracy, double seconds, double params) {
    }
}
