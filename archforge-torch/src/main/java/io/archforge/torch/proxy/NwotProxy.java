package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.archforge.torch.nb201.ForwardProbe;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * {@code nwot}: the activation-pattern score of Mellor, Turner, Storkey and Crowley,
 * "Neural Architecture Search without Training" (ICML 2021). Higher predicts a better
 * network: networks that give different images more different ReLU patterns score
 * higher.
 *
 * <p>Each ReLU turns its input into a binary code per image (1 where the input is
 * positive). K counts, for each pair of images, the units on which their codes agree,
 * summed over all ReLUs: {@code K = sum c c^T + (1 - c)(1 - c)^T}. The score is
 * {@code ln |det K|}. Labels are not used.
 */
public final class NwotProxy implements ZeroCostProxy {

    @Override
    public String name() {
        return "nwot";
    }

    @Override
    public boolean dataDependent() {
        return true;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        Block network = input.network(manager);
        int size = input.batch().size();
        double[][] kernel = new double[size][size];
        ForwardProbe probe = new ForwardProbe() {
            @Override
            public void beforeRelu(NDArray x) {
                add(kernel, x, size);
            }
        };
        NetworkPasses.withGrad(false, () -> NetworkPasses.forward(network, manager,
                input.batch().images(manager), probe.asParams()));
        RealMatrix matrix = new Array2DRowRealMatrix(kernel, false);
        RealMatrix upper = new LUDecomposition(matrix, 0).getU();
        double score = 0;
        for (int i = 0; i < size; i++) {
            score += Math.log(Math.abs(upper.getEntry(i, i)));
        }
        return ProxyComputationException.requireFinite(name(), input, score);
    }

    private static void add(double[][] kernel, NDArray x, int size) {
        try (NDArray active = x.gt(0);
                NDArray codes = active.toType(DataType.FLOAT32, false).reshape(size, -1);
                NDArray inactive = codes.neg().add(1);
                NDArray same = codes.matMul(codes.transpose());
                NDArray different = inactive.matMul(inactive.transpose());
                NDArray agreement = same.add(different)) {
            float[] values = agreement.toFloatArray();
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < size; b++) {
                    kernel[a][b] += values[a * size + b];
                }
            }
        }
    }
}
