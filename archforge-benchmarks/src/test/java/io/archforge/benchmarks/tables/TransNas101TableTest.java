package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.encoding.PathEncoder;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.TransNas101Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransNas101TableTest {

    private static final CellSpace SPACE = TransNas101Space.create();
    private static final List<Architecture> ALL_CELLS = allCells();
    private static TransNas101Table classObject;
    private static TransNas101Table roomLayout;

    @BeforeAll
    static void load() {
        classObject = TransNas101Table.load("class_object");
        roomLayout = TransNas101Table.load("room_layout");
    }

    private static List<Architecture> allCells() {
        List<Architecture> cells = new ArrayList<>();
        for (int code = 0; code < 4096; code++) {
            List<Integer> genes = new ArrayList<>();
            for (int edge = 0; edge < 6; edge++) {
                genes.add((code >> (2 * (5 - edge))) & 3);
            }
            cells.add(SPACE.of(genes));
        }
        return cells;
    }

    @Test
    void resourceHoldsEveryCellOnce() {
        List<String[]> rows = TableResource.read(TransNas101Table.RESOURCE,
                TransNas101Table.header());
        Set<String> cells = new HashSet<>();
        rows.forEach(row -> cells.add(row[0]));

        assertThat(rows).hasSize(4096);
        assertThat(cells).hasSize(4096);
    }

    @Test
    void everyTaskHasAFiniteValueForEveryCell() {
        for (String task : TransNas101Table.TASKS) {
            TransNas101Table table = TransNas101Table.load(task);

            assertThat(table.dataset()).isEqualTo(task);
            assertThat(table.metric()).isEqualTo("valid_metric");
            assertThat(table.higherIsBetter()).isTrue();
            assertThat(table.learningCurve()).isEmpty();
            for (Architecture cell : ALL_CELLS) {
                assertThat(table.value(cell)).isFinite();
            }
        }
    }

    @Test
    void classObjectSpansThePublishedRange() {
        double min = ALL_CELLS.stream().mapToDouble(classObject::value).min().orElseThrow();
        double max = ALL_CELLS.stream().mapToDouble(classObject::value).max().orElseThrow();

        assertThat(min).isCloseTo(21.2, within(0.05));
        assertThat(max).isCloseTo(45.6, within(0.05));
    }

    @Test
    void roomLayoutEmptyCellIsWorst() {
        Architecture empty = SPACE.of(List.of(0, 0, 0, 0, 0, 0));
        double min = ALL_CELLS.stream().mapToDouble(roomLayout::value).min().orElseThrow();
        double max = ALL_CELLS.stream().mapToDouble(roomLayout::value).max().orElseThrow();

        assertThat(max).isNegative();
        assertThat(roomLayout.value(empty)).isEqualTo(min);
        assertThat(max).isGreaterThan(min + 0.3);
    }

    @Test
    void zenIsSentinelExactlyForDisconnectedCells() {
        PathEncoder paths = new PathEncoder(SPACE);
        for (Architecture cell : ALL_CELLS) {
            boolean disconnected = paths.paths(cell).isEmpty();
            double zen = classObject.proxies().get("zen").score(cell);

            assertThat(zen == -1e8).as("zen %s of %s", zen, cell).isEqualTo(disconnected);
        }
    }

    @Test
    void architecturesAreOnePerNetwork() {
        List<Architecture> listed = classObject.architectures();
        Set<String> keys = new HashSet<>();
        listed.forEach(cell -> keys.add(TransNas101Table.networkKey(cell)));
        Set<String> allKeys = new HashSet<>();
        ALL_CELLS.forEach(cell -> allKeys.add(TransNas101Table.networkKey(cell)));

        assertThat(keys).hasSameSizeAs(listed);
        assertThat(keys).isEqualTo(allKeys);
        assertThat(listed.size()).isGreaterThanOrEqualTo(SPACE.isomorphismClassCount());
        assertThat(roomLayout.architectures()).isEqualTo(listed);
    }

    @Test
    void firstListedCellIsFirstInBenchmarkOrder() {
        String[] first = TableResource.read(TransNas101Table.RESOURCE,
                TransNas101Table.header()).get(0);

        assertThat(classObject.architectures().get(0))
                .isEqualTo(TransNas101Table.cell(first[0]));
    }

    @Test
    void skipFromInputSeparatesNetworks() {
        // Both compute conv3x3(x) in a normal cell, but in a downsampling cell the first
        // passes x through a factorized reduction before the convolution.
        Architecture throughSkip = SPACE.of(List.of(1, 0, 0, 0, 3, 0));
        Architecture direct = SPACE.of(List.of(0, 0, 0, 3, 0, 0));
        Architecture skipAfterConvolution = SPACE.of(List.of(3, 0, 0, 0, 1, 0));

        assertThat(throughSkip.isomorphismKey()).isEqualTo(direct.isomorphismKey());
        assertThat(TransNas101Table.networkKey(throughSkip))
                .isNotEqualTo(TransNas101Table.networkKey(direct));
        assertThat(TransNas101Table.networkKey(skipAfterConvolution))
                .isEqualTo(TransNas101Table.networkKey(direct));
    }

    @Test
    void valueAcceptsUnlistedCells() {
        Set<Architecture> listed = new HashSet<>(classObject.architectures());
        Architecture unlisted = ALL_CELLS.stream().filter(c -> !listed.contains(c))
                .findFirst().orElseThrow();

        assertThat(classObject.value(unlisted)).isBetween(0.0, 100.0);
    }

    @Test
    void rejectsOtherSpaces() {
        Architecture nb201 = CellSpace.nb201().of(List.of(0, 0, 0, 0, 0, 0));

        assertThatThrownBy(() -> classObject.value(nb201))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cell of space 'transnas101'");
    }

    @Test
    void rejectsUnknownTask() {
        assertThatThrownBy(() -> TransNas101Table.load("depth"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'depth'")
                .hasMessageContaining("room_layout");
    }
}
