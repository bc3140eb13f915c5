package io.archforge.torch.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.Initializer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.space.Architecture;
import io.archforge.torch.export.TorchLayout.ParameterBinding;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves the parameters of a DJL network to and from a safetensors file under the
 * PyTorch {@code state_dict} names of {@link TorchLayout}: every parameter, batch-norm
 * running mean and variance included, as float32.
 *
 * <p>The metadata of a captured file names the network, so that the file alone is enough
 * to rebuild it: {@value #FORMAT_KEY} ({@code pt}, the value PyTorch tools expect),
 * {@value #SPACE_KEY}, {@value #ARCHITECTURE_KEY}, {@value #NETWORK_KEY} (the
 * {@link NetworkSpec} as JSON), {@value #TRAINED_KEY} and {@value #SEED_KEY}.
 */
public final class NetworkWeights {

    /** Metadata key of the tensor format, {@code pt}. */
    public static final String FORMAT_KEY = "format";
    /** Metadata key of the search space name. */
    public static final String SPACE_KEY = "space";
    /** Metadata key of the architecture text. */
    public static final String ARCHITECTURE_KEY = "architecture";
    /** Metadata key of the network settings as JSON. */
    public static final String NETWORK_KEY = "network";
    /** Metadata key of {@code true} for trained weights, {@code false} for initial ones. */
    public static final String TRAINED_KEY = "trained";
    /** Metadata key of the seed that initialized the weights. */
    public static final String SEED_KEY = "seed";

    /** The PyTorch buffer that counts batch-norm steps; DJL has none, eval mode ignores it. */
    private static final String BATCH_COUNT_SUFFIX = "num_batches_tracked";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetworkWeights() {
    }

    /**
     * Captures the parameters of an initialized network of {@code architecture}.
     *
     * @param trained whether the parameters were trained, for the metadata
     * @param seed the seed that initialized them, for the metadata
     */
    public static TensorFile capture(SequentialBlock network, NetworkSpec spec,
            Architecture architecture, boolean trained, long seed) {
        TorchLayout layout = TorchLayout.of(network, spec.childNames(architecture));
        List<Tensor> tensors = new ArrayList<>();
        for (ParameterBinding binding : layout.parameters()) {
            NDArray array = binding.parameter().getArray();
            if (array.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("parameter " + binding.name() + " is "
                        + array.getDataType() + "; only float32 networks can be captured");
            }
            tensors.add(Tensor.ofFloats(binding.name(), array.getShape().getShape(),
                    array.toFloatArray()));
        }
        return new TensorFile(tensors, metadata(spec, architecture, trained, seed));
    }

    /**
     * Builds the network of {@code architecture} and initializes its parameters in
     * {@code manager} with the tensors of {@code weights}.
     *
     * @throws IllegalArgumentException when a parameter has no tensor, a tensor belongs
     *     to no parameter, or a shape or type differs; the message names the tensor
     */
    public static SequentialBlock load(NetworkSpec spec, Architecture architecture,
            TensorFile weights, NDManager manager) {
        SequentialBlock network = spec.build(architecture);
        TorchLayout layout = TorchLayout.of(network, spec.childNames(architecture));
        Map<String, Tensor> tensors = weights.byName();

        // Every parameter has a tensor, and every tensor a parameter
        List<String> missing = layout.parameters().stream().map(ParameterBinding::name)
                .filter(name -> !tensors.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the weights lack " + missing.size()
                    + " tensors of the network, such as " + firstNames(missing));
        }
        Set<String> expected = layout.parameters().stream().map(ParameterBinding::name)
                .collect(Collectors.toSet());
        List<String> extra = tensors.keySet().stream()
                .filter(name -> !expected.contains(name) && !name.endsWith(BATCH_COUNT_SUFFIX))
                .toList();
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("the weights have " + extra.size()
                    + " tensors that the network lacks, such as " + firstNames(extra));
        }

        // Initialize each parameter with its tensor
        for (ParameterBinding binding : layout.parameters()) {
            binding.parameter().setInitializer(new TensorInitializer(tensors.get(binding.name())));
        }
        network.initialize(manager, DataType.FLOAT32, spec.inputShape(1));
        return network;
    }

    private static Map<String, String> metadata(NetworkSpec spec, Architecture architecture,
            boolean trained, long seed) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, "pt");
        metadata.put(SPACE_KEY, spec.space());
        metadata.put(ARCHITECTURE_KEY, architecture.text());
        try {
            metadata.put(NETWORK_KEY, MAPPER.writeValueAsString(spec.toJson()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        metadata.put(TRAINED_KEY, Boolean.toString(trained));
        metadata.put(SEED_KEY, Long.toString(seed));
        return metadata;
    }

    private static String firstNames(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size())));
    }

    /** Initializes one parameter with a stored tensor of the same shape. */
    private static final class TensorInitializer implements Initializer {

        private final Tensor tensor;

        TensorInitializer(Tensor tensor) {
            this.tensor = tensor;
        }

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            if (!shape.equals(tensor.djlShape())) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " has shape "
                        + tensor.shapeList() + " but the network's parameter has " + shape);
            }
            if (tensor.type() != TensorType.F32 || dataType != DataType.FLOAT32) {
                throw new IllegalArgumentException("tensor " + tensor.name() + " is "
                        + tensor.type() + "; the network's parameters are float32 (F32)");
            }
            // The copy lives in memory that libtorch owns, not in a Java direct buffer
            // that only the temporary array holds.
            try (NDArray source = manager.create(tensor.floats(), shape)) {
                return source.duplicate();
            }
        }
    }
}
