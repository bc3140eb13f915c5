package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import io.archforge.space.Architecture;
import io.archforge.space.GnnSpace;
import io.archforge.space.NasBenchGraphSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A node-classification network of the {@code gnn} space. A dense layer with ReLU maps
 * the sparse input features to the hidden width (node 0). Each of the 4 layers reads the
 * node its link pattern names and applies its operation, followed by ReLU unless it is
 * {@code skip}. A layer whose output another non-skip layer reads, directly or through
 * {@code skip} layers, is standardised before its ReLU: each feature is centred and
 * scaled to unit variance over all nodes of the graph, batch normalisation without
 * learned scale and shift. The sum of the layers that no other layer reads goes through
 * a dense layer to one logit per class. During training, dropout at the architecture's
 * rate comes before every layer. On the sparse input features it drops non-zero
 * entries, which a generator seeded with the network's seed picks.
 *
 * <p>NAS-Bench-Graph applies batch normalisation before every inner layer; the
 * standardisation plays its part without adding parameters. Without it, chains that
 * put {@code fc} layers between graph layers, such as
 * {@code links=0123,op1=fc,op2=gat,op3=fc,op4=gin}, reach only about 52 % accuracy on
 * Cora.
 */
public final class GnnNetwork {

    /** The axis of the nodes in a feature array [nodes, width]. */
    private static final int[] NODE_AXIS = {0};
    /** The variance floor of the standardisation, PyTorch's batch-norm default. */
    private static final float NORMALIZATION_EPSILON = 1e-5f;

    private final int[] inputs;
    private final List<String> operations;
    private final boolean[] leaves;
    private final boolean[] standardized;
    private final double dropout;
    private final Linear input;
    private final List<GraphLayer> layers;
    private final Linear output;
    private final GnnParameters parameters;
    private final SplittableRandom random;

    private GnnNetwork(Architecture architecture, GnnParameters parameters, long seed,
            int features, int classes) {
        this.parameters = parameters;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.inputs = GnnSpace.inputs(architecture);
        this.operations = GnnSpace.operations(architecture);
        this.leaves = NasBenchGraphSpace.leaves(inputs);
        this.standardized = readByLayers(inputs, operations);
        this.dropout = GnnSpace.dropout(architecture);
        int width = GnnSpace.hidden(architecture);
        String aggregation = GnnSpace.aggregation(architecture);
        this.input = new Linear(parameters, "input", features, width, true);
        this.layers = new ArrayList<>();
        for (int layer = 0; layer < inputs.length; layer++) {
            String operation = operations.get(layer);
            layers.add(GraphLayers.create(operation, parameters, "layer" + (layer + 1), width,
                    aggregation(operation, aggregation)));
        }
        this.output = new Linear(parameters, "output", width, classes, true);
    }

    /**
     * Builds the network of {@code architecture} for a graph with {@code features} input
     * features and {@code classes} classes, with weights drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when the architecture is not of the gnn space
     */
    public static GnnNetwork create(Architecture architecture, NDManager manager, long seed,
            int features, int classes) {
        return new GnnNetwork(architecture, new GnnParameters(manager, seed), seed, features,
                classes);
    }

    /**
     * Returns, per layer, whether a non-skip layer reads its output, directly or through
     * {@code skip} layers.
     */
    static boolean[] readByLayers(int[] inputs, List<String> operations) {
        boolean[] read = new boolean[inputs.length];
        for (int layer = inputs.length - 1; layer >= 0; layer--) {
            int source = inputs[layer] - 1;
            boolean passesOn = !operations.get(layer).equals("skip") || read[layer];
            if (source >= 0 && passesOn) {
                read[source] = true;
            }
        }
        return read;
    }

    /** Returns the aggregation of {@code operation} under the space's rule {@code rule}. */
    static Aggregation aggregation(String operation, String rule) {
        if (!rule.equals("standard")) {
            return Aggregation.parse(rule);
        }
        return operation.equals("sage") ? Aggregation.MEAN : Aggregation.SUM;
    }

    /** Returns the trainable parameters. */
    public GnnParameters parameters() {
        return parameters;
    }

    /**
     * Returns the logits [nodes, classes] of every node. Every array this pass creates
     * belongs to {@code step}.
     *
     * @param training whether to apply dropout
     */
    public NDArray forward(GraphTensors graph, NDManager step, boolean training) {
        List<NDArray> nodes = new ArrayList<>(inputs.length + 1);
        double inputDropout = training ? dropout : 0;
        nodes.add(Activation.relu(input.applyToFeatures(graph, step, inputDropout, random)));
        NDArray sum = null;
        for (int layer = 0; layer < inputs.length; layer++) {
            NDArray in = nodes.get(inputs[layer]);
            NDArray out;
            if (operations.get(layer).equals("skip")) {
                out = in;
            } else {
                out = layers.get(layer).forward(dropout(in, training), graph);
                out = Activation.relu(standardized[layer] ? standardize(out) : out);
            }
            nodes.add(out);
            if (leaves[layer]) {
                sum = sum == null ? out : sum.add(out);
            }
        }
        return output.apply(dropout(sum, training));
    }

    /**
     * Returns {@code x} [nodes, width] with each feature centred and scaled to unit
     * variance over the nodes. The statistics come from the current pass, which always
     * covers the whole graph.
     */
    private static NDArray standardize(NDArray x) {
        NDManager manager = x.getManager();
        NDArray centred = x.sub(x.mean(NODE_AXIS, true));
        NDArray variance = centred.square().mean(NODE_AXIS, true);
        NDArray epsilon = OwnedArrays.owned(manager.create(NORMALIZATION_EPSILON));
        return centred.div(variance.add(epsilon).sqrt());
    }

    /**
     * Returns {@code x} with each value zeroed at the dropout rate and the rest scaled up
     * to keep the expectation, or {@code x} itself outside training. The mask comes from
     * the engine's generator.
     */
    private NDArray dropout(NDArray x, boolean training) {
        if (!training || dropout == 0) {
            return x;
        }
        NDManager manager = x.getManager();
        float keep = (float) (1 - dropout);
        NDArray mask = manager.randomUniform(0f, 1f, x.getShape()).lt(keep)
                .toType(x.getDataType(), false);
        NDArray scale = OwnedArrays.owned(manager.create(1f / keep));
        return x.mul(mask.mul(scale));
    }
}
