package io.archforge.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacroKernelsTest {

    @Test
    void listsStemBlocksAndClassifierWithShapes() {
        Architecture architecture = MacroSpace.create().parse(
                "s1.depth=2,s1.width=16,s1.kernel=3,s1.expansion=1,s1.residual=on,"
                        + "s2.depth=1,s2.width=32,s2.kernel=5,s2.expansion=4,s2.residual=on,"
                        + "s3.depth=1,s3.width=64,s3.kernel=3,s3.expansion=2,s3.residual=off");

        List<MacroKernel> kernels = MacroKernels.fashionMnist().macroKernels(architecture);

        assertThat(kernels).extracting(MacroKernel::key).containsExactly(
                "stem_c1-16_s28_k3_st2",
                "block_c16-16_s14_k3_e1_st1_res",
                "block_c16-16_s14_k3_e1_st1_res",
                "block_c16-32_s14_k5_e4_st2",
                "block_c32-64_s7_k3_e2_st2",
                "classifier_c64-10_s4");
        assertThat(kernels.get(3).outputSize()).isEqualTo(7);
        assertThat(kernels.get(4).outputSize()).isEqualTo(4);
    }
}
