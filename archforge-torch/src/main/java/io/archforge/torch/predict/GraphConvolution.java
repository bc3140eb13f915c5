package io.archforge.torch.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One graph convolution layer that propagates along the edges of a directed graph and
 * against them, then averages the two, as in the predictor of Wen et al., "Neural
 * Predictor for Neural Architecture Search" (ECCV 2020).
 *
 * <p>With node features {@code X}, predecessor matrix {@code P} and successor matrix
 * {@code S} (see {@link GraphBatch}), the output is {@code (relu(P X Wp) + relu(S X Ws))
 * / 2}. The layer has no bias, so a padding node with zero features and a zero
 * propagation row stays zero.
 *
 * <p>Inputs: features [graphs, nodes, in], {@code P} and {@code S} [graphs, nodes,
 * nodes]. Output: features [graphs, nodes, out].
 */
final class GraphConvolution extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int outUnits;
    private final Parameter predecessorWeight;
    private final Parameter successorWeight;

    /**
     * Creates a layer.
     *
     * @param inUnits the features per input node
     * @param outUnits the features per output node
     */
    GraphConvolution(int inUnits, int outUnits) {
        super(VERSION);
        this.outUnits = outUnits;
        Shape shape = new Shape(inUnits, outUnits);
        predecessorWeight = addParameter(Parameter.builder().setName("predecessorWeight")
                .setType(Parameter.Type.WEIGHT).optShape(shape).build());
        successorWeight = addParameter(Parameter.builder().setName("successorWeight")
                .setType(Parameter.Type.WEIGHT).optShape(shape).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        NDArray fromPredecessors = inputs.get(1);
        NDArray fromSuccessors = inputs.get(2);
        NDArray forwardWeight = parameterStore.getValue(predecessorWeight,
                features.getDevice(), training);
        NDArray backwardWeight = parameterStore.getValue(successorWeight,
                features.getDevice(), training);

        // Inputs first, so every result belongs to the inputs' manager
        NDArray forward = Activation.relu(fromPredecessors.matMul(features.matMul(forwardWeight)));
        NDArray backward = Activation.relu(fromSuccessors.matMul(features.matMul(backwardWeight)));

        // The halving factor must stay open until the backward pass has read it. DJL
        // 0.36's mul(Number) closes its scalar at once, and the Java buffer behind the
        // scalar is then freed at the next garbage collection, although autograd still
        // reads it in the backward pass.
        NDArray half = features.getManager().create(0.5f);
        return new NDList(forward.add(backward).mul(half));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape features = inputShapes[0];
        return new Shape[] {new Shape(features.get(0), features.get(1), outUnits)};
    }
}
