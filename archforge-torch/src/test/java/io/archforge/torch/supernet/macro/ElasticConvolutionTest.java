package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;
import org.junit.jupiter.api.Test;

class ElasticConvolutionTest {

    @Test
    void smallKernelUsesCentreWindow() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            ElasticConvolution convolution = ElasticConvolution.depthwise(8, 5, 1);
            convolution.initialize(manager, DataType.FLOAT32, new Shape(2, 8, 6, 6));
            convolution.activate(4, 4, 3);
            NDArray input = manager.randomNormal(new Shape(2, 4, 6, 6));

            NDArray actual = convolution.forward(new ParameterStore(manager, false),
                    new NDList(input), false).singletonOrThrow();
            NDArray centre = convolution.activeSlices().get(0).parameter().getArray()
                    .get(new NDIndex("0:4, :, 1:4, 1:4"));
            NDArray expected = Conv2d.conv2d(input, centre, null, new Shape(1, 1),
                    new Shape(1, 1), new Shape(1, 1), 4).singletonOrThrow();

            assertThat(actual.getShape()).isEqualTo(new Shape(2, 4, 6, 6));
            assertThat(actual.allClose(expected, 1e-6, 1e-6, false)).isTrue();
        }
    }

    @Test
    void activeParametersCountSlice() {
        ElasticConvolution pointwise = ElasticConvolution.pointwise(64, 256);
        pointwise.activate(16, 48, 1);
        ElasticConvolution depthwise = ElasticConvolution.depthwise(256, 5, 2);
        depthwise.activate(48, 48, 3);

        assertThat(pointwise.activeParameters()).isEqualTo(16 * 48);
        assertThat(depthwise.activeParameters()).isEqualTo(48 * 9);
    }

    @Test
    void activateRejectsOversizeForms() {
        ElasticConvolution depthwise = ElasticConvolution.depthwise(16, 5, 1);

        assertThatThrownBy(() -> depthwise.activate(32, 32, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> depthwise.activate(8, 8, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel 4");
        assertThatThrownBy(() -> depthwise.activate(8, 4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depthwise");
    }
}
