package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchitectureTablesTest {

    @Test
    void listsEveryBenchmark() {
        assertThat(ArchitectureTables.benchmarks()).containsExactly(
                "nb101", "nb201", "nb301", "transnas101", "nasbench-graph");
        assertThat(ArchitectureTables.datasets("nb201"))
                .containsExactly("cifar10", "cifar100", "imagenet16-120");
        assertThat(ArchitectureTables.datasets("nb101")).containsExactly("cifar10");
        assertThat(ArchitectureTables.datasets("nb301")).containsExactly("cifar10");
        assertThat(ArchitectureTables.datasets("transnas101")).hasSize(7).contains("jigsaw");
        assertThat(ArchitectureTables.datasets("nasbench-graph"))
                .containsExactly("cora", "citeseer", "pubmed");
    }

    @Test
    void loadsEachDefaultTableOnce() {
        for (String benchmark : ArchitectureTables.benchmarks()) {
            String dataset = ArchitectureTables.datasets(benchmark).get(0);
            ArchitectureTable table = ArchitectureTables.load(benchmark, dataset);

            assertThat(table.benchmark()).isEqualTo(benchmark);
            assertThat(table.dataset()).isEqualTo(dataset);
            assertThat(table.architectures()).isNotEmpty();
            assertThat(ArchitectureTables.load(benchmark, dataset)).isSameAs(table);
        }
    }

    @Test
    void rejectsUnknownBenchmark() {
        assertThatThrownBy(() -> ArchitectureTables.load("nb999", "cifar10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nb999'")
                .hasMessageContaining("nb101, nb201, nb301, transnas101, nasbench-graph");
        assertThatThrownBy(() -> ArchitectureTables.datasets("nb999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nb999'");
    }

    @Test
    void rejectsUnknownDataSet() {
        assertThatThrownBy(() -> ArchitectureTables.load("nasbench-graph", "cifar10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cifar10'")
                .hasMessageContaining("'nasbench-graph'")
                .hasMessageContaining("cora, citeseer, pubmed");
    }
}
