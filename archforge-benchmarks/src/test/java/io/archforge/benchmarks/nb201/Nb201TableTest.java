package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb201TableTest {

    private static Nb201Table table;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
    }

    @Test
    void hasEveryCell() {
        assertThat(table.size()).isEqualTo(15_625);
        Set<String> texts = new HashSet<>();
        for (int index = 0; index < table.size(); index++) {
            texts.add(table.architecture(index).text());
        }
        assertThat(texts).hasSize(15_625);
    }

    @Test
    void countsIsomorphismClasses() {
        assertThat(table.isoClassCount()).isEqualTo(6_466);
        long distinct = IntStream.range(0, table.size()).map(table::isoClass).distinct().count();
        assertThat(distinct).isEqualTo(6_466);
    }

    @Test
    void firstCellMatchesBenchmarkOrder() {
        assertThat(table.architecture(0).text()).isEqualTo(
                "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|"
                        + "+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
    }

    @Test
    void indexOfInvertsArchitecture() {
        for (int index = 0; index < table.size(); index++) {
            assertThat(table.indexOf(table.architecture(index))).isEqualTo(index);
        }
    }

    @Test
    void optimaMatchPublishedValues() {
        assertThat(rounded(table.bestTestAccuracy(Nb201Dataset.CIFAR10))).isEqualTo(94.37);
        assertThat(rounded(table.bestTestAccuracy(Nb201Dataset.CIFAR100))).isEqualTo(73.51);
        assertThat(rounded(table.bestTestAccuracy(Nb201Dataset.IMAGENET16_120)))
                .isEqualTo(47.31);
    }

    @Test
    void optimalCellsAreKnownOnes() {
        assertThat(bestCells(Nb201Dataset.CIFAR10)).containsExactly(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                        + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                        + "+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|");
        assertThat(bestCells(Nb201Dataset.CIFAR100)).containsExactly(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                        + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        assertThat(bestCells(Nb201Dataset.IMAGENET16_120)).containsExactly(
                "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_3x3~1|"
                        + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
    }

    @Test
    void twelveEpochAccuracyIsLower() {
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            double best12 = IntStream.range(0, table.size())
                    .mapToDouble(i -> table.testAccuracy12(i, dataset)).max().orElseThrow();
            assertThat(best12).isLessThan(table.bestTestAccuracy(dataset) - 5);
        }
        assertThat(table.validAccuracy12(0, Nb201Dataset.CIFAR10)).isEqualTo(63.364);
        assertThat(table.testAccuracy12(0, Nb201Dataset.CIFAR10)).isEqualTo(69.55);
    }

    @Test
    void listsTwentySevenDevices() {
        assertThat(table.devices()).hasSize(27).contains("eyeriss", "fpga", "pixel3", "2080ti_1");
        assertThat(table.devices()).noneMatch(name -> name.endsWith("_ms"));
    }

    @Test
    void latencyOrdersCellsBySize() {
        int empty = table.indexOf(uniform("none"));
        int largest = table.indexOf(uniform("nor_conv_3x3"));
        for (String device : List.of("eyeriss", "fpga", "raspi4")) {
            assertThat(table.latencyMs(empty, device))
                    .isLessThan(table.latencyMs(largest, device));
        }
    }

    @Test
    void unknownDeviceListsValidNames() {
        assertThatThrownBy(() -> table.latencyMs(0, "tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tpu'")
                .hasMessageContaining(String.join(", ", table.devices()));
    }

    @Test
    void rejectsIndexOutOfRange() {
        assertThatThrownBy(() -> table.testAccuracy(15_625, Nb201Dataset.CIFAR10))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("15625");
    }

    @Test
    void formatRoundTripsExactly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Nb201TableFormat.write(table, bytes);
        Nb201Table copy = Nb201TableFormat.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (int index = 0; index < table.size(); index += 97) {
            assertThat(copy.genes(index)).isEqualTo(table.genes(index));
            assertThat(copy.isoClass(index)).isEqualTo(table.isoClass(index));
            assertThat(copy.testAccuracy(index, Nb201Dataset.CIFAR100))
                    .isEqualTo(table.testAccuracy(index, Nb201Dataset.CIFAR100));
            assertThat(copy.latencyMs(index, 26)).isEqualTo(table.latencyMs(index, 26));
        }
    }

    @Test
    void rejectsCorruptResource() {
        byte[] notGzip = "not a table".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Nb201TableFormat.read(new ByteArrayInputStream(notGzip)))
                .isInstanceOf(IOException.class);
    }

    private static List<String> bestCells(Nb201Dataset dataset) {
        double best = table.bestTestAccuracy(dataset);
        return IntStream.range(0, table.size())
                .filter(i -> table.testAccuracy(i, dataset) == best)
                .mapToObj(i -> table.architecture(i).text())
                .toList();
    }

    private static Architecture uniform(String operation) {
        int gene = CellSpace.nb201().operations().indexOf(operation);
        return CellSpace.nb201().of(List.of(gene, gene, gene, gene, gene, gene));
    }

    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
