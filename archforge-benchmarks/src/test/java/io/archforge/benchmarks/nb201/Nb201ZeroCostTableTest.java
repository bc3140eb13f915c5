package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.CellSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nb201ZeroCostTableTest {

    @Test
    void loadsRowsOfEveryDataset() {
        Nb201ZeroCostTable table = Nb201ZeroCostTable.load();
        assertThat(table.rows(Nb201Dataset.CIFAR10)).hasSize(725);
        assertThat(table.rows(Nb201Dataset.CIFAR100)).hasSize(725);
        assertThat(table.rows(Nb201Dataset.IMAGENET16_120)).hasSize(724);
    }

    @Test
    void rowsMatchBenchmarkCells() {
        Nb201ZeroCostTable table = Nb201ZeroCostTable.load();
        Nb201Table cells = Nb201Table.load();
        CellSpace space = CellSpace.nb201();
        for (Nb201ZeroCostTable.Row row : table.rows(Nb201Dataset.CIFAR10)) {
            assertThat(cells.architecture(row.index()))
                    .isEqualTo(space.parse(row.architecture()));
        }
    }

    @Test
    void storedParamsMatchAnalyticCost() {
        CellSpace space = CellSpace.nb201();
        List<Nb201ZeroCostTable.Row> rows =
                Nb201ZeroCostTable.load().rows(Nb201Dataset.IMAGENET16_120);
        for (Nb201ZeroCostTable.Row row : rows.subList(0, 50)) {
            int[] genes = space.parse(row.architecture()).genes().stream()
                    .mapToInt(Number::intValue).toArray();
            double params = Nb201NetworkCost.of(genes, Nb201Dataset.IMAGENET16_120).params();
            assertThat(row.score("params")).as(row.architecture())
                    .isCloseTo(params, org.assertj.core.api.Assertions.within(5e-7));
        }
    }

    @Test
    void emptyScoreReadsAsNaN() {
        List<Nb201ZeroCostTable.Row> rows =
                Nb201ZeroCostTable.load().rows(Nb201Dataset.CIFAR10);
        long finite = rows.stream().filter(row -> Double.isFinite(row.score("synflow")))
                .count();
        long missing = rows.stream().filter(row -> Double.isNaN(row.score("synflow")))
                .count();
        assertThat(finite + missing).isEqualTo(rows.size());
        assertThat(finite).isGreaterThan(700);
    }

    @Test
    void unknownColumnNamesAllowed() {
        Nb201ZeroCostTable.Row row =
                Nb201ZeroCostTable.load().rows(Nb201Dataset.CIFAR10).get(0);
        assertThatThrownBy(() -> row.score("zen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zen'").hasMessageContaining("synflow");
    }
}
