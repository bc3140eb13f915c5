package io.archforge.torch.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A network loaded from an export directory: {@link ModelExport}'s
 * {@code architecture.json} and {@code weights.safetensors}, rebuilt as a DJL block by
 * the space's own builder. The model owns the manager of its parameters; close it to
 * free them.
 */
public final class ExportedModel implements AutoCloseable {

    private final ExportManifest manifest;
    private final Architecture architecture;
    private final NDManager manager;
    private final SequentialBlock network;

    private ExportedModel(ExportManifest manifest, Architecture architecture,
            NDManager manager, SequentialBlock network) {
        this.manifest = manifest;
        this.architecture = architecture;
        this.manager = manager;
        this.network = network;
    }

    /**
     * Loads an export directory. Starts the DJL engine if needed.
     *
     * @throws IllegalArgumentException when a file is not a valid export or the weights
     *     do not fit the network
     * @throws IOException when a file cannot be read
     */
    public static ExportedModel load(Path directory) throws IOException {
        ExportManifest manifest =
                ExportManifest.read(directory.resolve(ModelExport.ARCHITECTURE_FILE));
        TensorFile weights = Safetensors.read(directory.resolve(ModelExport.WEIGHTS_FILE));
        NetworkSpec spec = manifest.network();
        Architecture architecture = spec.parse(manifest.architecture());
        NDManager manager = DjlRuntime.engine().newBaseManager();
        try {
            SequentialBlock network = NetworkWeights.load(spec, architecture, weights, manager);
            return new ExportedModel(manifest, architecture, manager, network);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Runs a forward pass in inference mode, with batch norm on its running statistics
     * and autograd off. The logits and the intermediate arrays belong to the manager of
     * {@code images}.
     *
     * @param images a batch of the shape {@link #inputShape(long)} gives
     * @return the class logits, [N, classes]
     * @throws IllegalArgumentException when the images have another shape
     */
    public NDArray predict(NDArray images) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || !shape.equals(inputShape(shape.get(0)))) {
            throw new IllegalArgumentException("images of shape " + shape + " do not fit the"
                    + " network, which takes " + inputShape(1).slice(1) + " per image");
        }
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            return network.forward(new ParameterStore(manager, false), new NDList(images),
                    false).singletonOrThrow();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Returns the shape of a batch of {@code size} images, channels first. */
    public Shape inputShape(long size) {
        return manifest.network().inputShape(size);
    }

    /** Returns the DJL network, initialized with the exported weights. */
    public SequentialBlock block() {
        return network;
    }

    /** Returns the architecture the network was built from. */
    public Architecture architecture() {
        return architecture;
    }

    /** Returns the content of {@code architecture.json}. */
    public ExportManifest manifest() {
        return manifest;
    }

    @Override
    public void close() {
        manager.close();
    }
}
