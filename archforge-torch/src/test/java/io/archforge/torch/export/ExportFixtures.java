package io.archforge.torch.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.train.DjlRuntime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Inputs, forward passes and requests that the export tests share. */
final class ExportFixtures {

    private ExportFixtures() {
    }

    /** Returns the first {@code count} images of {@code images}, scaled as in training. */
    static Tensor images(ImageDataset images, int count) {
        int size = images.rows() * images.columns();
        float[] values = new float[count * size];
        for (int i = 0; i < count; i++) {
            images.copyNormalized(i, values, i * size);
        }
        return Tensor.ofFloats("input", new long[] {count, 1, images.rows(), images.columns()},
                values);
    }

    /** Returns a batch of the given shape with values uniform in [-1, 1) from {@code seed}. */
    static Tensor randomImages(long[] shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Tensor.ofFloats("input", shape, values);
    }

    /** Returns the logits of an initialized network in inference mode, autograd off. */
    static float[] forward(Block network, NDManager manager, Tensor batch) {
        boolean previous = DjlRuntime.setGradMode(false);
        try (NDManager step = manager.newSubManager()) {
            NDArray input = step.create(batch.floats(), batch.djlShape());
            return network.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow().toFloatArray();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Returns the logits of an exported model on {@code batch}. */
    static float[] predict(ExportedModel model, Tensor batch) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            return model.predict(manager.create(batch.floats(), batch.djlShape()))
                    .toFloatArray();
        }
    }

    /** Returns a request for trial 3 of study {@code test-study} with the given weights. */
    static ExportRequest request(String architecture, NetworkSpec network,
            Optional<TensorFile> weights, long seed, Map<String, Double> metrics) {
        Map<String, String> training = weights.isPresent()
                ? Map.of("epochs", "1", "batch_size", "32") : Map.of();
        ExportProvenance provenance = new ExportProvenance("test-study", 3, seed,
                "fashion-mnist", training, Map.of("data_source", "test images"),
                Optional.of(Instant.parse("2026-01-02T03:04:05Z")), "0.1.0",
                Instant.parse("2026-01-02T04:00:00Z"));
        return new ExportRequest(architecture, network, weights, metrics, provenance);
    }
}
