package io.archforge.predictors.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationWordsTest {

    @Test
    void nb201OperationsReadAsWords() {
        assertThat(OperationWords.of("nor_conv_3x3")).isEqualTo("3x3 conv");
        assertThat(OperationWords.of("nor_conv_1x1")).isEqualTo("1x1 conv");
        assertThat(OperationWords.of("avg_pool_3x3")).isEqualTo("3x3 average pool");
        assertThat(OperationWords.of("skip_connect")).isEqualTo("skip connection");
        assertThat(OperationWords.of("none")).isEqualTo("zero");
    }

    @Test
    void dartsOperationsReadAsWords() {
        assertThat(OperationWords.of("sep_conv_5x5")).isEqualTo("5x5 separable conv");
        assertThat(OperationWords.of("dil_conv_3x3")).isEqualTo("3x3 dilated conv");
        assertThat(OperationWords.of("max_pool_3x3")).isEqualTo("3x3 max pool");
    }

    @Test
    void gluedKernelSizesAreSplit() {
        assertThat(OperationWords.of("conv3x3-bn-relu"))
                .isEqualTo("3x3 conv batch norm relu");
        assertThat(OperationWords.of("maxpool3x3")).isEqualTo("3x3 max pool");
    }

    @Test
    void unknownWordsAreKept() {
        assertThat(OperationWords.of("Identity")).isEqualTo("Identity");
        assertThat(OperationWords.of("s1.width=32")).isEqualTo("s1 width=32");
    }

    @Test
    void labelWithNoWordsIsKept() {
        assertThat(OperationWords.of("nor")).isEqualTo("nor");
    }
}
