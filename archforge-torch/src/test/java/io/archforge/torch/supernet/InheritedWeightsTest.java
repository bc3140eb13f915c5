package io.archforge.torch.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.train.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InheritedWeightsTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Architecture FIRST = SPACE.parse("|nor_conv_3x3~0|+"
            + "|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");
    private static final Architecture SECOND = SPACE.parse("|nor_conv_1x1~0|+"
            + "|skip_connect~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_1x1~1|none~2|");
    private static final int BATCHES = 2;
    private static final int BATCH_SIZE = 64;

    private static Nb201Supernet supernet;

    @BeforeAll
    static void trainSupernet() {
        supernet = Nb201Supernet.create(SmallData.INPUT, Nb201Skeleton.SEARCH, 2);
        new SupernetTrainer(new SupernetTraining(1, 64, 0.1f, 0.9f, 5e-4f,
                PathSampling.UNIFORM)).train(supernet, SmallData.split(), 2, new TestContext());
    }

    @Test
    void recalibrationStoresBatchAverages() {
        BatchNorm stemNorm = stemBatchNorm();
        float[] trainedMean = BatchNormCalibration.runningStatistics(stemNorm)[0]
                .toFloatArray();
        InheritedWeights inherited = new InheritedWeights(SmallData.split(), BATCHES,
                BATCH_SIZE);

        inherited.accuracy(supernet, FIRST, new TestContext());

        NDArray[] statistics = BatchNormCalibration.runningStatistics(stemNorm);
        float[] mean = statistics[0].toFloatArray();
        float[] variance = statistics[1].toFloatArray();
        float[][] expected = stemConvolutionAverages();
        assertThat(mean).isNotEqualTo(trainedMean);
        // libtorch sums the batch statistics of channels-last input in float, in another
        // order than this test, over 50,176 values per channel, so the two differ by up
        // to about 2e-4 of a value. Two batches of a moving average with weight 0.1 from
        // reset statistics would reach only 19% of the batch statistics.
        for (int channel = 0; channel < mean.length; channel++) {
            assertThat(mean[channel]).as("mean of channel %d", channel)
                    .isCloseTo(expected[0][channel], within(1e-3f));
            assertThat(variance[channel]).as("variance of channel %d", channel)
                    .isCloseTo(expected[1][channel], within(1e-3f * expected[1][channel]));
        }
    }

    @Test
    void evaluationRepeatsAfterOtherPath() {
        InheritedWeights inherited = new InheritedWeights(SmallData.split(), BATCHES,
                BATCH_SIZE);

        double first = inherited.accuracy(supernet, FIRST, new TestContext());
        float[] firstMean = BatchNormCalibration.runningStatistics(stemBatchNorm())[0]
                .toFloatArray();
        inherited.accuracy(supernet, SECOND, new TestContext());
        double again = inherited.accuracy(supernet, FIRST, new TestContext());

        assertThat(again).isEqualTo(first);
        assertThat(BatchNormCalibration.runningStatistics(stemBatchNorm())[0].toFloatArray())
                .isEqualTo(firstMean);
        assertThat(supernet.selected()).isEqualTo(FIRST);
    }

    @Test
    void offPathBatchNormIsReset() {
        InheritedWeights inherited = new InheritedWeights(SmallData.split(), BATCHES,
                BATCH_SIZE);
        SupernetNetwork network = (SupernetNetwork) supernet.block();
        // Edge 1->2 of FIRST is skip_connect, so its nor_conv_3x3 (operation 3) is off the path.
        Block offPath = SupernetNetwork.choices(network.cells().get(0)).get(2).operations().get(3);
        BatchNorm norm = BatchNormCalibration.batchNorms(offPath).get(0);

        inherited.accuracy(supernet, FIRST, new TestContext());

        NDArray[] statistics = BatchNormCalibration.runningStatistics(norm);
        assertThat(statistics[0].toFloatArray()).containsOnly(0f);
        assertThat(statistics[1].toFloatArray()).containsOnly(1f);
    }

    @Test
    void evaluatorReportsSupernetAccuracy() {
        Nb201Supernet owned = Nb201Supernet.create(SmallData.INPUT, Nb201Skeleton.SEARCH, 5);
        try (SupernetEvaluator evaluator = new SupernetEvaluator(owned,
                new InheritedWeights(SmallData.split(), BATCHES, BATCH_SIZE))) {
            Evaluation evaluation = evaluator.evaluate(SECOND, new TestContext());

            assertThat(evaluator.metrics()).containsExactly(SupernetEvaluator.SUPERNET_ACCURACY);
            assertThat(evaluation.metrics()).containsOnlyKeys(
                    SupernetEvaluator.SUPERNET_ACCURACY);
            assertThat(evaluation.metrics().get(SupernetEvaluator.SUPERNET_ACCURACY))
                    .isBetween(0.0, 100.0);
            assertThat(evaluation.attributes()).containsKey("evaluation_seconds");
            assertThat(evaluator.isNoisy()).isFalse();
            assertThat(evaluator.dependsOnSeed()).isFalse();
            assertThat(evaluator.describe()).containsEntry("calibration_images", "128");
        }
    }

    private static BatchNorm stemBatchNorm() {
        Block stem = supernet.block().getChildren().get(0).getValue();
        return BatchNormCalibration.batchNorms(stem).get(0);
    }

    /**
     * Returns the mean over the calibration batches of each batch's per-channel mean and
     * unbiased variance of the stem convolution's output, computed directly.
     */
    private static float[][] stemConvolutionAverages() {
        Block convolution = supernet.block().getChildren().get(0).getValue().getChildren()
                .get(0).getValue();
        ImageDataset images = SmallData.split().train();
        ImageBatches batches = new ImageBatches(images, BATCH_SIZE, 0);
        boolean previous = DjlRuntime.setGradMode(false);
        try (NDManager manager = supernet.manager().newSubManager()) {
            NDArray meanSum = null;
            NDArray varianceSum = null;
            for (int batch = 0; batch < BATCHES; batch++) {
                NDArray input = batches.batch(manager, batch).get(0);
                NDArray output = convolution.forward(new ParameterStore(manager, false),
                        new NDList(input), false).singletonOrThrow();
                long channels = output.getShape().get(1);
                NDArray byChannel = output.transpose(1, 0, 2, 3).reshape(channels, -1);
                long count = byChannel.getShape().get(1);
                NDArray mean = byChannel.mean(new int[] {1});
                NDArray variance = byChannel.sub(mean.reshape(channels, 1)).square()
                        .sum(new int[] {1}).div(count - 1);
                meanSum = meanSum == null ? mean : meanSum.add(mean);
                varianceSum = varianceSum == null ? variance : varianceSum.add(variance);
            }
            return new float[][] {meanSum.div(BATCHES).toFloatArray(),
                varianceSum.div(BATCHES).toFloatArray()};
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }
}
