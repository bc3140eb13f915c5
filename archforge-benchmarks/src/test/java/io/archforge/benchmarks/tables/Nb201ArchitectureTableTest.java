package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb201ArchitectureTableTest {

    private static Nb201Table cells;
    private static Nb201ArchitectureTable cifar100;

    @BeforeAll
    static void load() {
        cells = Nb201Table.load();
        cifar100 = Nb201ArchitectureTable.of(cells, "cifar100");
    }

    @Test
    void listsOneCellPerIsomorphismClass() {
        List<Architecture> listed = cifar100.architectures();

        assertThat(listed).hasSize(cells.isoClassCount());
        assertThat(listed).hasSize(6466);
        assertThat(new HashSet<>(listed.stream().map(Architecture::isomorphismKey).toList()))
                .hasSize(6466);
    }

    @Test
    void representativeIsSmallestIndexOfItsClass() {
        Map<Integer, Integer> smallest = new HashMap<>();
        for (int index = cells.size() - 1; index >= 0; index--) {
            smallest.put(cells.isoClass(index), index);
        }

        for (Architecture cell : cifar100.architectures()) {
            int index = cells.indexOf(cell);
            assertThat(smallest.get(cells.isoClass(index))).isEqualTo(index);
        }
    }

    @Test
    void valueIsTwoHundredEpochTestAccuracy() {
        for (Architecture cell : cifar100.architectures()) {
            int index = cells.indexOf(cell);
            assertThat(cifar100.value(cell))
                    .isEqualTo(cells.testAccuracy(index, Nb201Dataset.CIFAR100));
            assertThat(cifar100.learningCurve().orElseThrow().score(cell))
                    .isEqualTo(cells.validAccuracy12(index, Nb201Dataset.CIFAR100));
        }
        assertThat(cifar100.metric()).isEqualTo("test_accuracy");
        assertThat(cifar100.learningCurve().orElseThrow().name())
                .isEqualTo("valid_accuracy_12ep");
    }

    @Test
    void bestListedNotAboveBestCell() {
        double bestListed = cifar100.architectures().stream().mapToDouble(cifar100::value)
                .max().orElseThrow();

        assertThat(bestListed).isLessThanOrEqualTo(cells.bestTestAccuracy(Nb201Dataset.CIFAR100));
        assertThat(bestListed).isGreaterThan(70.0);
    }

    @Test
    void proxiesAreSynflowParamsAndFlops() {
        Architecture cell = cifar100.architectures().get(100);

        assertThat(cifar100.proxies()).containsOnlyKeys("synflow", "params", "flops");
        assertThat(cifar100.proxies().get("params").score(cell)).isPositive();
        assertThat(cifar100.proxies().get("flops").score(cell)).isPositive();
        assertThat(cifar100.proxies().get("synflow").score(cell)).isFinite();
    }

    @Test
    void datasetsNameTheBenchmarksIds() {
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            Nb201ArchitectureTable table = Nb201ArchitectureTable.of(cells, dataset.id());

            assertThat(table.benchmark()).isEqualTo("nb201");
            assertThat(table.dataset()).isEqualTo(dataset.id());
            assertThat(table.architectures()).isEqualTo(cifar100.architectures());
        }
    }

    @Test
    void rejectsUnknownDataSet() {
        assertThatThrownBy(() -> Nb201ArchitectureTable.of(cells, "svhn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'svhn'")
                .hasMessageContaining("imagenet16-120");
    }
}
