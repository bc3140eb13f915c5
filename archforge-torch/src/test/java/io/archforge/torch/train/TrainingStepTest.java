package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TrainingStepTest {

    @Test
    void channelsLastKeepsGrayValues() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray images = manager.arange(2f * 3 * 4).reshape(2, 1, 3, 4);

            NDArray view = TrainingStep.channelsLast(images);

            assertThat(view.getShape()).isEqualTo(new Shape(2, 1, 3, 4));
            assertThat(view.toFloatArray()).containsExactly(images.toFloatArray());
            assertThat(view.get(1, 0, 2, 3).getFloat()).isEqualTo(23f);
        }
    }

    @Test
    void channelsLastLeavesColorAlone() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray images = manager.zeros(new Shape(2, 3, 4, 4));

            assertThat(TrainingStep.channelsLast(images)).isSameAs(images);
        }
    }
}
