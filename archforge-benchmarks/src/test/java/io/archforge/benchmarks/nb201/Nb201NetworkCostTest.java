package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.CellSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nb201NetworkCostTest {

    private static final int[] EMPTY_CELL = {0, 0, 0, 0, 0, 0};
    private static final int[] ONE_CONV3_CELL = {3, 0, 0, 0, 0, 0};

    /*
     * Cell of six 'none' edges on CIFAR-10 (32x32 input, 10 classes).
     * Parameters:
     *   stem conv 3*16*9 = 432, stem BN 2*16 = 32
     *   reduction 16->32: conv 16*32*9 = 4,608 + BN 64, conv 32*32*9 = 9,216 + BN 64,
     *     shortcut conv 16*32 = 512                                   -> 14,464
     *   reduction 32->64: 18,432 + 128 + 36,864 + 128 + 2,048         -> 57,600
     *   head BN 2*64 = 128, classifier 64*10 + 10 = 650
     *   total 432 + 32 + 14,464 + 57,600 + 128 + 650 = 73,306
     * FLOPs (convolution MACs, BN 2 and ReLU 1 per element, pool k*k per output):
     *   stem conv 432*1,024 = 442,368, BN 2*16,384 = 32,768
     *   reduction 16->32 (16x16 out): ReLU 16,384, conv 4,608*256 = 1,179,648,
     *     BN 16,384, ReLU 8,192, conv 9,216*256 = 2,359,296, BN 16,384,
     *     pool 4*4,096 = 16,384, shortcut conv 512*256 = 131,072     -> 3,743,744
     *   reduction 32->64 (8x8 out): 8,192 + 1,179,648 + 8,192 + 4,096
     *     + 2,359,296 + 8,192 + 8,192 + 131,072                     -> 3,706,880
     *   head BN 8,192, ReLU 4,096, pool term 64*9*9 = 5,184, classifier 640
     *   total 442,368 + 32,768 + 3,743,744 + 3,706,880 + 18,112 = 7,943,872
     */
    @Test
    void emptyCellOnCifar10() {
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(EMPTY_CELL, Nb201Dataset.CIFAR10);
        assertThat(cost.params()).isCloseTo(0.073306, within(1e-12));
        assertThat(cost.flops()).isCloseTo(7.943872, within(1e-12));
    }

    /*
     * Memory of the empty cell on CIFAR-10 at batch 1, float32. A 16x32x32 tensor is
     * T = 65,536 bytes. In a first-stage cell every 'none' edge writes a new T, and a
     * node value lives until its last reader: edge 0->1 keeps x and n1 (2T); 0->2 adds n2
     * (3T); 1->2 writes its output and the sum before freeing the old n2 (5T). No later
     * step, stem or reduction keeps more alive, so the peak is 5T = 327,680 bytes.
     * Parameters: 73,306 trainable plus the running mean and variance of batch norms over
     * 16 + 32 + 32 + 64 + 64 + 64 = 272 channels, 544 values; (73,306 + 544) * 4 =
     * 295,400 bytes.
     */
    @Test
    void emptyCellMemoryOnCifar10() {
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(EMPTY_CELL, Nb201Dataset.CIFAR10);

        assertThat(cost.memory().peakActivationBytes()).isEqualTo(327_680);
        assertThat(cost.memory().parameterBytes()).isEqualTo(295_400);
        assertThat(cost.memory().megabytes()).isCloseTo(0.62308, within(1e-12));
    }

    /*
     * MACs: only convolutions and the classifier. The empty cell's FLOPs minus batch
     * norm, ReLU, pooling and the head term (see emptyCellOnCifar10): 442,368 +
     * 1,179,648 + 2,359,296 + 131,072 + 1,179,648 + 2,359,296 + 131,072 + 640 =
     * 7,783,040.
     */
    @Test
    void emptyCellMacsOnCifar10() {
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(EMPTY_CELL, Nb201Dataset.CIFAR10);

        assertThat(cost.macs()).isEqualTo(7_783_040);
    }

    /*
     * One nor_conv_3x3 edge, in each of the 15 cells (5 per stage at C = 16, 32, 64).
     * Parameters C*C*9 + 2*C: 5*(2,304 + 32) + 5*(9,216 + 64) + 5*(36,864 + 128)
     *   = 11,680 + 46,400 + 184,960 = 243,040.
     * FLOPs: the convolution has C*C*9*s*s = 2,359,296 MACs at every stage (16x32x32,
     * 32x16x16, 64x8x8); ReLU 1 and BN 2 per element add 3*C*s*s = 3 * (16,384, 8,192,
     * 4,096). In all 15*2,359,296 + 5*3*(16,384 + 8,192 + 4,096)
     *   = 35,389,440 + 430,080 = 35,819,520.
     */
    @Test
    void convolutionEdgeOnCifar10() {
        Nb201NetworkCost.Cost empty = Nb201NetworkCost.of(EMPTY_CELL, Nb201Dataset.CIFAR10);
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(ONE_CONV3_CELL, Nb201Dataset.CIFAR10);
        assertThat(cost.params() - empty.params()).isCloseTo(0.243040, within(1e-12));
        assertThat(cost.flops() - empty.flops()).isCloseTo(35.819520, within(1e-9));
    }

    /*
     * ImageNet16-120 (16x16 input, 120 classes), empty cell: parameters as on CIFAR-10
     * but the classifier is 64*120 + 120 = 7,800 instead of 650, so 80,456. Every
     * feature map has a quarter of the CIFAR elements, so all FLOPs but the head term
     * and the classifier divide by 4: (7,943,872 - 5,184 - 640) / 4 = 1,984,512, then
     * head term 64*5*5 = 1,600 and classifier 64*120 = 7,680: 1,993,792.
     */
    @Test
    void emptyCellOnImageNet16() {
        Nb201NetworkCost.Cost cost =
                Nb201NetworkCost.of(EMPTY_CELL, Nb201Dataset.IMAGENET16_120);
        assertThat(cost.params()).isCloseTo(0.080456, within(1e-12));
        assertThat(cost.flops()).isCloseTo(1.993792, within(1e-12));
    }

    @Test
    void rejectsWrongGeneCount() {
        assertThatThrownBy(() -> Nb201NetworkCost.of(new int[5], Nb201Dataset.CIFAR10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 edges");
    }

    @Test
    void matchesPublishedCostTable() throws IOException {
        Path source = Nb201SourceData.directoryWith("nb201_zc_725.csv");
        Nb201TableConverter.Csv csv = Nb201TableConverter.Csv.read(
                source.resolve("nb201_zc_725.csv"));
        List<String> datasets = csv.column("dataset");
        List<String> architectures = csv.column("arch_str");
        double[] params = csv.doubles("params");
        double[] flops = csv.doubles("flops");
        CellSpace space = CellSpace.nb201();
        assertThat(datasets).hasSize(2_174);
        for (int row = 0; row < datasets.size(); row++) {
            int[] genes = space.parse(architectures.get(row)).genes().stream()
                    .mapToInt(Number::intValue).toArray();
            Nb201NetworkCost.Cost cost =
                    Nb201NetworkCost.of(genes, Nb201Dataset.parse(datasets.get(row)));
            String where = "row " + row + " " + datasets.get(row) + " " + architectures.get(row);
            assertThat(cost.params()).as(where).isCloseTo(params[row], within(5e-7));
            assertThat(cost.flops()).as(where).isCloseTo(flops[row], within(5e-7));
        }
    }
}
