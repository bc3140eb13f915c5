package io.archforge.torch.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.train.DjlRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkFootprintTest {

    /*
     * Input 1x1x4x4 (16 floats, 64 bytes) through conv 3x3 to 2 channels without bias,
     * batch norm, ReLU, global average pool, flatten and a linear layer to 3 units.
     * Live bytes when each output is written: conv 64 + 128 = 192; batch norm 128 + 128
     * = 256; ReLU 256; pool 128 + 8; flatten 8 + 8; linear 8 + 12. Peak 256.
     * Written: 64 + 3 * 128 + 8 + 8 + 12 = 476 bytes.
     * Parameters: conv 2*1*3*3 = 18, batch norm scale and shift 4, linear 2*3 + 3 = 9,
     * 31 trainable; with the running mean and variance (4) 35 values, 140 bytes.
     * MACs: conv 32 outputs * 9 = 288, linear 3 * 2 = 6; 294.
     */
    @Test
    void tinyNetworkMatchesHandCount() {
        Shape image = new Shape(1, 1, 4, 4);
        SequentialBlock network = new SequentialBlock()
                .add(Conv2d.builder().setFilters(2).setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1)).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, image);

            NetworkFootprint footprint = NetworkFootprint.of(network, image);

            assertThat(footprint.params()).isEqualTo(31);
            assertThat(footprint.macs()).isEqualTo(294);
            assertThat(footprint.memory().parameterBytes()).isEqualTo(140);
            assertThat(footprint.memory().peakActivationBytes()).isEqualTo(256);
            assertThat(footprint.memory().activationBytes()).isEqualTo(476);
            assertThat(footprint.memory().megabytes()).isEqualTo(396e-6);
        }
    }

    /*
     * A residual block on 1x2x4x4 (128 bytes). The body convolution writes 128 bytes
     * while the input is alive (256). The identity branch passes the input on, so the sum
     * is written beside the input and the body output: 384, not 512.
     */
    @Test
    void identityBranchSharesItsInput() {
        Shape image = new Shape(1, 2, 4, 4);
        Block body = Conv2d.builder().setFilters(2).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).optBias(false).build();
        ParallelBlock residual = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow()
                        .add(outputs.get(1).singletonOrThrow())),
                List.of(body, new LambdaBlock(input -> input, "identity")));
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            residual.initialize(manager, DataType.FLOAT32, image);

            NetworkFootprint footprint = NetworkFootprint.of(residual, image);

            assertThat(footprint.memory().peakActivationBytes()).isEqualTo(384);
            assertThat(footprint.memory().activationBytes()).isEqualTo(384);
        }
    }

    /*
     * The empty NAS-Bench-201 cell on CIFAR-10: a first-stage cell keeps at most five
     * 16x32x32 float tensors (327,680 bytes), and the parameters with batch-norm running
     * statistics are 73,850 values (295,400 bytes), as archforge-benchmarks derives by hand.
     */
    @Test
    void emptyNb201CellOnCifar10() {
        Nb201Input input = Nb201Input.of("cifar10");
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Block network = Nb201NetworkBuilder.forInput(input).create(CellSpace.nb201()
                    .parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"), manager,
                    DataType.FLOAT32, 0, false);

            NetworkFootprint footprint = NetworkFootprint.of(network, input.batchShape(1));

            assertThat(footprint.params()).isEqualTo(73_306);
            assertThat(footprint.memory().peakActivationBytes()).isEqualTo(327_680);
            assertThat(footprint.memory().parameterBytes()).isEqualTo(295_400);
        }
    }
}
