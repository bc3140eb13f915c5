package io.archforge.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.archforge.space.CellSpace;
import org.junit.jupiter.api.Test;

/** {@link CollapseGuard} and {@link ArchitectureWeights} on the NAS-Bench-201 cell space. */
class CollapseGuardTest {

    private static final CellSpace SPACE = CellSpace.nb201();

    /**
     * Builds logits in which edge {@code e} prefers operation {@code preferred[e]}, with
     * {@code skip_connect} second at {@code skipRunnerUp}.
     */
    private static ArchitectureWeights weights(int[] preferred, double skipRunnerUp) {
        double[][] logits = new double[6][5];
        int skip = SPACE.operations().indexOf("skip_connect");
        for (int edge = 0; edge < 6; edge++) {
            logits[edge][preferred[edge]] = 2;
            if (preferred[edge] != skip) {
                logits[edge][skip] = skipRunnerUp;
            }
        }
        return new ArchitectureWeights(SPACE, logits);
    }

    @Test
    void deriveKeepsStrongestOperations() {
        int conv3 = SPACE.operations().indexOf("nor_conv_3x3");
        int conv1 = SPACE.operations().indexOf("nor_conv_1x1");
        int pool = SPACE.operations().indexOf("avg_pool_3x3");
        ArchitectureWeights set = weights(new int[] {conv3, conv1, pool, conv3, conv3, conv1}, 0);
        assertThat(set.derive().text()).isEqualTo("|nor_conv_3x3~0|+|nor_conv_1x1~0|"
                + "avg_pool_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|");
    }

    @Test
    void skipLimitReplacesWeakestSkips() {
        int skip = SPACE.operations().indexOf("skip_connect");
        double[][] logits = new double[6][5];
        for (int edge = 0; edge < 6; edge++) {
            logits[edge][skip] = 1 + edge; // Edge 5 has the strongest skip.
            logits[edge][SPACE.operations().indexOf("nor_conv_1x1")] = 0.5;
            logits[edge][SPACE.operations().indexOf("nor_conv_3x3")] = 0.7;
        }
        ArchitectureWeights collapsed = new ArchitectureWeights(SPACE, logits);
        assertThat(collapsed.derive().text()).doesNotContain("conv");

        var guarded = new CollapseGuard(2).derive(collapsed);
        assertThat(guarded.text()).isEqualTo("|nor_conv_3x3~0|+|nor_conv_3x3~0|"
                + "nor_conv_3x3~1|+|nor_conv_3x3~0|skip_connect~1|skip_connect~2|");
    }

    @Test
    void parameterFreeLimitReplacesWeakestPools() {
        int pool = SPACE.operations().indexOf("avg_pool_3x3");
        int conv1 = SPACE.operations().indexOf("nor_conv_1x1");
        double[][] logits = new double[6][5];
        for (int edge = 0; edge < 6; edge++) {
            logits[edge][pool] = 1 + edge;
            logits[edge][conv1] = 0.5;
        }
        var guarded = new CollapseGuard(6, 2).derive(new ArchitectureWeights(SPACE, logits));
        assertThat(guarded.text()).isEqualTo("|nor_conv_1x1~0|+|nor_conv_1x1~0|"
                + "nor_conv_1x1~1|+|nor_conv_1x1~0|avg_pool_3x3~1|avg_pool_3x3~2|");
    }

    @Test
    void guardedDeriveDropsNone() {
        int none = SPACE.operations().indexOf("none");
        int pool = SPACE.operations().indexOf("avg_pool_3x3");
        double[][] logits = new double[6][5];
        for (double[] row : logits) {
            row[none] = 3;
            row[pool] = 1;
        }
        ArchitectureWeights zeroes = new ArchitectureWeights(SPACE, logits);
        assertThat(zeroes.derive().text()).doesNotContain("pool");
        assertThat(new CollapseGuard(6).derive(zeroes).text()).doesNotContain("none")
                .contains("avg_pool_3x3");
    }

    @Test
    void checkRejectsAllSkipCell() {
        var allSkip = SPACE.parse("|skip_connect~0|+|skip_connect~0|skip_connect~1|"
                + "+|skip_connect~0|skip_connect~1|skip_connect~2|");
        assertThatThrownBy(() -> CollapseGuard.check(SPACE, allSkip))
                .isInstanceOf(CollapsedCellException.class)
                .hasMessageContaining("collapsed")
                .hasMessageContaining("skip_limit");
        var learning = SPACE.parse("|skip_connect~0|+|skip_connect~0|nor_conv_3x3~1|"
                + "+|skip_connect~0|skip_connect~1|skip_connect~2|");
        assertThatCode(() -> CollapseGuard.check(SPACE, learning)).doesNotThrowAnyException();
    }

    @Test
    void entropyFallsAsEdgesDecide() {
        ArchitectureWeights flat = new ArchitectureWeights(SPACE, new double[6][5]);
        assertThat(flat.meanEntropy()).isCloseTo(Math.log(5), offset(1e-12));
        double[][] sharp = new double[6][5];
        for (double[] row : sharp) {
            row[3] = 20;
        }
        assertThat(new ArchitectureWeights(SPACE, sharp).meanEntropy()).isLessThan(1e-6);
    }

    @Test
    void weightsRejectWrongShapeOrNaN() {
        assertThatThrownBy(() -> new ArchitectureWeights(SPACE, new double[5][5]))
                .hasMessageContaining("one per edge");
        double[][] diverged = new double[6][5];
        diverged[2][1] = Double.NaN;
        assertThatThrownBy(() -> new ArchitectureWeights(SPACE, diverged))
                .hasMessageContaining("diverged");
    }
}
