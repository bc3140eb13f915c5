package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.train.DjlRuntime;
import java.util.List;

/**
 * Batch-norm recalibration and accuracy of the sub-network a {@link ElasticMacroNetwork}
 * runs now. Both run with autograd off on the calling thread, and each batch lives in a
 * sub-manager that is closed after the batch.
 */
final class SubnetEvaluation {
    /**
     * Images per inference batch. Larger batches were slower: scoring the largest
     * architecture on 1,000 images on one thread took about twice as long at 250 as at 32
     * or 64 (a rough figure, measured on a shared 2-core machine).
     */
    private static final int INFERENCE_BATCH = 64;

    private SubnetEvaluation() {
    }

    /**
     * Resets the running statistics of every batch norm layer and re-estimates them with
     * training-mode passes over {@code calibration}, in dataset order. A trailing batch
     * of one image is skipped, because batch statistics need two values per channel.
     *
     * @return the number of images used
     */
    static int recalibrate(ElasticMacroNetwork network, NDManager manager,
            ImageDataset calibration, int batchSize) {
        List<ElasticBatchNorm> norms = network.batchNorms();
        ParameterStore parameters = new ParameterStore(manager, false);
        boolean previous = DjlRuntime.setGradMode(false);
        norms.forEach(ElasticBatchNorm::startCalibration);
        int used = 0;
        try {
            for (int start = 0; start < calibration.size(); start += batchSize) {
                int size = Math.min(batchSize, calibration.size() - start);
                if (size < 2) {
                    break;
                }
                try (NDManager batch = manager.newSubManager()) {
                    NDArray images = images(batch, calibration, start, size);
                    network.forward(parameters, new NDList(images), true);
                }
                used += size;
            }
        } finally {
            norms.forEach(ElasticBatchNorm::stopCalibration);
            DjlRuntime.setGradMode(previous);
        }
        return used;
    }

    /** Returns the percentage of {@code images} that an inference-mode pass classifies right. */
    static double accuracy(Block network, NDManager manager, ImageDataset images) {
        ParameterStore parameters = new ParameterStore(manager, false);
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            long correct = 0;
            for (int start = 0; start < images.size(); start += INFERENCE_BATCH) {
                int size = Math.min(INFERENCE_BATCH, images.size() - start);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray input = images(batch, images, start, size);
                    NDArray logits = network.forward(parameters, new NDList(input), false)
                            .singletonOrThrow();
                    NDArray labels = labels(batch, images, start, size);
                    correct += logits.argMax(1).eq(labels).countNonzero().getLong();
                }
            }
            return 100.0 * correct / images.size();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Creates images {@code start .. start+size-1} as [size, 1, rows, columns] in [-1, 1],
     * with channels-last strides. With one channel both layouts store the same bytes, and
     * libtorch's oneDNN convolutions then keep channels-last outputs, which scored 1,000
     * images on one thread about 25 to 35% faster in the same rough measurement.
     */
    static NDArray images(NDManager manager, ImageDataset data, int start, int size) {
        int imageSize = data.imageSize();
        float[] pixels = new float[size * imageSize];
        for (int i = 0; i < size; i++) {
            data.copyNormalized(start + i, pixels, i * imageSize);
        }
        return manager.create(pixels, new Shape(size, data.rows(), data.columns(), 1))
                .transpose(0, 3, 1, 2);
    }

    /** Creates the int64 labels of images {@code start .. start+size-1}. */
    static NDArray labels(NDManager manager, ImageDataset data, int start, int size) {
        long[] labels = new long[size];
        for (int i = 0; i < size; i++) {
            labels[i] = data.label(start + i);
        }
        return manager.create(labels);
    }
}
