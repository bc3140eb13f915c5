package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.archforge.space.Architecture;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.net.ReferenceNetworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch-norm recalibration of the macro supernet on Fashion-MNIST images. */
class SupernetCalibrationTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);

    private static ImageDataset calibration;
    private static ImageDataset validation;

    @BeforeAll
    static void loadImages() {
        TrainTestData data = DataSources.load("fashion-mnist", null);
        calibration = data.train().select(range(128));
        validation = data.test().select(range(64));
    }

    @Test
    void recalibrationChangesRunningStatistics() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 3)) {
            supernet.select(ReferenceNetworks.referenceMacro());
            ElasticBatchNorm stemNorm = stemNorm(supernet);
            float[] meanBefore = stemNorm.runningMean().toFloatArray();
            float[] varianceBefore = stemNorm.runningVariance().toFloatArray();

            supernet.recalibrate(calibration, 64);
            float[] mean = stemNorm.runningMean().toFloatArray();
            float[] variance = stemNorm.runningVariance().toFloatArray();

            // The reference architecture's first stage is 16 channels wide
            assertThat(mean).isNotEqualTo(meanBefore);
            assertThat(variance).isNotEqualTo(varianceBefore);
            for (int channel = 0; channel < 16; channel++) {
                assertThat(mean[channel]).as("mean of channel %d", channel).isNotZero();
                assertThat(variance[channel]).as("variance of channel %d", channel)
                        .isPositive().isNotEqualTo(1f);
            }
            for (int channel = 16; channel < mean.length; channel++) {
                assertThat(mean[channel]).as("mean of unused channel %d", channel).isZero();
                assertThat(variance[channel]).as("variance of unused channel %d", channel)
                        .isEqualTo(1f);
            }
        }
    }

    @Test
    void runningMeanIsSizeWeightedBatchAverage() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 3)) {
            supernet.select(ReferenceNetworks.referenceMacro());
            ElasticBatchNorm stemNorm = stemNorm(supernet);

            // The stem's batch norm reads the stem convolution, which calibration does not
            // change, so batches of 50, 50 and 28 must average to the mean of one batch.
            supernet.recalibrate(calibration, calibration.size());
            NDArray whole = stemNorm.runningMean().duplicate();
            supernet.recalibrate(calibration, 50);
            NDArray uneven = stemNorm.runningMean();

            // Float sums over 25,088 values per channel in a different order differ by
            // about 1e-4; averaging the last batch alone would miss by about 0.07
            assertThat(uneven.allClose(whole, 1e-4, 1e-4, false))
                    .as("largest difference %s", uneven.sub(whole).abs().max().getFloat())
                    .isTrue();
            whole.close();
        }
    }

    @Test
    void inferenceIsDeterministicAfterRecalibration() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 3);
                NDManager manager = supernet.manager().newSubManager()) {
            supernet.select(ReferenceNetworks.referenceMacro());
            NDArray images = SubnetEvaluation.images(manager, validation, 0, 32);
            NDArray firstEight = images.get(new NDIndex("0:8"));

            supernet.recalibrate(calibration, 64);
            NDArray first = MacroSupernetTest.forward(supernet, images, false);
            NDArray second = MacroSupernetTest.forward(supernet, images, false);
            NDArray alone = MacroSupernetTest.forward(supernet, firstEight, false);
            supernet.recalibrate(calibration, 64);
            NDArray afterRepeat = MacroSupernetTest.forward(supernet, images, false);

            assertThat(second.toFloatArray()).containsExactly(first.toFloatArray());
            assertThat(alone.allClose(first.get(new NDIndex("0:8")), 1e-5, 1e-5, false))
                    .as("logits of 8 images alone and within a batch of 32").isTrue();
            assertThat(afterRepeat.allClose(first, 1e-6, 1e-6, false))
                    .as("logits after a second recalibration").isTrue();
        }
    }

    @Test
    void accuracyIsRepeatablePercentage() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 3)) {
            Architecture architecture = ReferenceNetworks.referenceMacro();

            double first = supernet.accuracy(architecture, calibration, validation);
            double second = supernet.accuracy(architecture, calibration, validation);

            assertThat(first).isBetween(0.0, 100.0);
            assertThat(second).isEqualTo(first);
            assertThat(supernet.selected()).isEqualTo(architecture);
        }
    }

    @Test
    void recalibrateRejectsSingleImageBatches() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 3)) {
            assertThatThrownBy(() -> supernet.recalibrate(calibration, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 2, got 1");
        }
    }

    static ElasticBatchNorm stemNorm(MacroSupernet supernet) {
        return ((ElasticMacroNetwork) supernet.block()).batchNorms().get(0);
    }

    static int[] range(int size) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
