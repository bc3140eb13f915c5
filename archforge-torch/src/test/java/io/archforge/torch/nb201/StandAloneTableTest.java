package io.archforge.torch.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandAloneTableTest {

    private static final CellSpace SPACE = CellSpace.nb201();

    @TempDir
    Path directory;

    @Test
    void appendedRowsReadBack() {
        Path file = directory.resolve("truth.csv");
        Architecture cell = SPACE.parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|"
                + "+|nor_conv_3x3~0|avg_pool_3x3~1|skip_connect~2|");
        StandAloneTable.append(file, List.of("made by a test"),
                new StandAloneTable.Row(cell, 85.0, 10, 0.04, 0));
        StandAloneTable.append(file, List.of("made by a test"),
                new StandAloneTable.Row(cell, 86.0, 11, 0.04, 1));

        List<StandAloneTable.Row> rows = StandAloneTable.read(file);
        assertThat(rows).hasSize(2);
        assertThat(StandAloneTable.meanAccuracies(rows)).containsEntry(cell, 85.5);
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        Path file = directory.resolve("bad.csv");
        Files.writeString(file, StandAloneTable.HEADER + "\n|nor_conv_3x3~0|,85\n");
        assertThatThrownBy(() -> StandAloneTable.read(file))
                .hasMessageContaining("bad.csv line 2")
                .hasMessageContaining("expected 5 fields");
    }

    @Test
    void bundledGroundTruthHoldsFortyDistinctCells() {
        List<StandAloneTable.Row> rows = StandAloneTable.bundled();
        assertThat(rows).hasSize(40);
        Set<String> classes = new HashSet<>();
        for (StandAloneTable.Row row : rows) {
            assertThat(CellPaths.reachesOutput(SPACE, row.cell())).isTrue();
            assertThat(row.accuracy()).isBetween(10.0, 100.0);
            classes.add(row.cell().isomorphismKey());
        }
        assertThat(classes).hasSize(40);
    }
}
