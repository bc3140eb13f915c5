package io.archforge.torch.supernet;

import ai.djl.training.optimizer.Optimizer;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.space.Architecture;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.train.ClosableSgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the shared weights of a {@link Supernet} on {@code DataSplit.train()}, one path
 * or one fair set of paths per step, as {@link SupernetTraining#sampling()} sets.
 *
 * <p>Each step updates only the parameters its paths used (see {@link SupernetStep}).
 * The learning rate follows the global step, so an operation that sat out some steps
 * gets the same rate as the shared stem. The seed fixes the image order and the paths;
 * with the same initial weights and intra-op thread count two runs give the same
 * weights. The optimizer's momentum arrays are freed when {@link #train} returns or
 * throws, so memory stays flat over many runs.
 */
public final class SupernetTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SupernetTrainer.class);

    private final SupernetTraining settings;
    private final StageDistillation distillation;

    /** Creates a trainer that minimizes the cross-entropy. */
    public SupernetTrainer(SupernetTraining settings) {
        this(settings, null);
    }

    private SupernetTrainer(SupernetTraining settings, StageDistillation distillation) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.distillation = distillation;
    }

    /** Returns a trainer that adds {@code stages}' stage loss to the cross-entropy. */
    public SupernetTrainer withDistillation(StageDistillation stages) {
        return new SupernetTrainer(settings, Objects.requireNonNull(stages, "stages"));
    }

    /** Returns the training settings. */
    public SupernetTraining settings() {
        return settings;
    }

    /**
     * Trains {@code supernet} for the configured epochs and leaves the last trained path
     * selected.
     *
     * @param seed fixes the order of the images and the paths drawn
     * @throws IllegalArgumentException when the training split is smaller than one batch,
     *     or a distillation is set and the supernet is no {@link StagedNetwork}
     * @throws EvaluationInterruptedException when {@code context.shouldStop()} turns true
     */
    public SupernetTrainingResult train(Supernet supernet, DataSplit data, long seed,
            EvaluationContext context) {
        SplittableRandom random = new SplittableRandom(seed);
        ImageBatches batches = new ImageBatches(data.train(), settings.batchSize(),
                random.nextLong());
        SplittableRandom paths = random.split();
        int totalSteps = batches.count() * settings.epochs();
        CosineSchedule schedule = new CosineSchedule(settings.learningRate(), totalSteps);
        try (ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                .setLearningRateTracker(schedule)
                .optMomentum(settings.momentum())
                .optWeightDecays(settings.weightDecay()))) {
            SupernetStep step = new SupernetStep(supernet, optimizer, distillation,
                    settings.maxGradientNorm());
            return run(supernet, step, batches, paths, schedule, context);
        }
    }

    private SupernetTrainingResult run(Supernet supernet, SupernetStep step,
            ImageBatches batches, SplittableRandom paths, CosineSchedule schedule,
            EvaluationContext context) {
        List<Double> losses = new ArrayList<>();
        List<Double> stageLosses = new ArrayList<>();
        int stepCount = 0;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            batches.shuffle();
            double lossSum = 0;
            double stageSum = 0;
            for (int index = 0; index < batches.count(); index++) {
                checkStop(context, epoch, index);
                schedule.setStep(stepCount++);
                List<Architecture> chosen = settings.sampling() == PathSampling.FAIR
                        ? supernet.fairPaths(paths) : List.of(supernet.sample(paths));
                int batch = index;
                SupernetStep.Losses result = step.run(chosen, m -> batches.batch(m, batch));
                lossSum += result.total();
                stageSum += result.stage();
            }
            losses.add(lossSum / batches.count());
            if (distillation != null) {
                stageLosses.add(stageSum / batches.count());
            }
            LOG.info("Supernet epoch {}/{}: loss {}, stage loss {}, {} s so far", epoch,
                    settings.epochs(), losses.get(epoch - 1),
                    distillation == null ? "-" : stageLosses.get(epoch - 1),
                    (System.nanoTime() - start) / 1_000_000_000L);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SupernetTrainingResult(losses, stageLosses, stepCount, seconds);
    }

    private static void checkStop(EvaluationContext context, int epoch, int step) {
        if (context.shouldStop()) {
            throw new EvaluationInterruptedException("supernet training stopped at epoch "
                    + epoch + ", step " + step);
        }
    }
}
