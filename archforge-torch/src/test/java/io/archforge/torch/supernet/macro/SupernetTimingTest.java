package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.space.Architecture;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.train.ClosableSgd;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.TrainingStep;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures supernet training and evaluation time on one intra-op thread. It takes about
 * a minute, so it runs only with {@code -Darchforge.timing=true}:
 * {@code mvn -o -q test -Dtest=SupernetTimingTest -Darchforge.timing=true}. The times go
 * to standard output.
 *
 * <p>Training: two epochs over 5,000 Fashion-MNIST training images at batch 64 (78 steps
 * each), one uniformly drawn path per step, with {@link TrainingStep} and SGD (learning
 * rate 0.1, momentum 0.9, weight decay 5e-4). Evaluation: five sampled architectures
 * and the largest, each recalibrated on 1,280 training images at batch 64 and scored on
 * 1,000 test images.
 */
@EnabledIfSystemProperty(named = "archforge.timing", matches = "true")
class SupernetTimingTest {
    private static final int TRAIN_IMAGES = 5_000;
    private static final int CALIBRATION_IMAGES = 1_280;
    private static final int VALIDATION_IMAGES = 1_000;
    private static final int BATCH = 64;
    private static final int EPOCHS = 2;
    private static final int EVALUATIONS = 5;

    @Test
    void measureEpochAndEvaluation() {
        DjlRuntime.setThreads(1);
        TrainTestData data = DataSources.load("fashion-mnist", null);
        ImageDataset train = data.train().select(SupernetCalibrationTest.range(TRAIN_IMAGES));
        ImageDataset calibration =
                data.train().select(SupernetCalibrationTest.range(CALIBRATION_IMAGES));
        ImageDataset validation =
                data.test().select(SupernetCalibrationTest.range(VALIDATION_IMAGES));
        SplittableRandom random = new SplittableRandom(1);

        try (MacroSupernet supernet = new MacroSupernet(10, 2, new Shape(1, 1, 28, 28), 1);
                ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(0.1f))
                        .optMomentum(0.9f)
                        .optWeightDecays(5e-4f))) {
            TrainingStep step = new TrainingStep(supernet.block(), supernet.manager(),
                    optimizer);

            // Training epochs, one uniform path per step
            int steps = TRAIN_IMAGES / BATCH;
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                long start = System.nanoTime();
                double lossSum = 0;
                for (int index = 0; index < steps; index++) {
                    supernet.select(supernet.sample(random));
                    int first = index * BATCH;
                    lossSum += step.run(m -> new NDList(
                            SubnetEvaluation.images(m, train, first, BATCH),
                            SubnetEvaluation.labels(m, train, first, BATCH)));
                }
                report("epoch %d: %d steps in %.2f s, mean loss %.3f", epoch, steps,
                        seconds(start), lossSum / steps);
                assertThat(lossSum).isFinite();
            }

            // Evaluation of sampled architectures, then of the largest as the slowest case
            for (int i = 0; i <= EVALUATIONS; i++) {
                Architecture architecture = i < EVALUATIONS ? supernet.sample(random)
                        : MacroSupernet.largest();
                long start = System.nanoTime();
                supernet.select(architecture);
                supernet.recalibrate(calibration, BATCH);
                double calibrationSeconds = seconds(start);
                double accuracy = SubnetEvaluation.accuracy(supernet.block(),
                        supernet.manager(), validation);
                report("evaluation %d: recalibration %.2f s, %d images scored in %.2f s,"
                        + " accuracy %.1f%%, %d parameters, %s", i + 1, calibrationSeconds,
                        VALIDATION_IMAGES, seconds(start) - calibrationSeconds, accuracy,
                        supernet.selectedParameterCount(), architecture);
                assertThat(accuracy).isBetween(0.0, 100.0);
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
