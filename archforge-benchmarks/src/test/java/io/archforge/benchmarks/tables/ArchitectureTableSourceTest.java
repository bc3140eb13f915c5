package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.space.TransNas101Space;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Checks the shipped resources against the source tables they were converted from. */
class ArchitectureTableSourceTest {

    @Test
    void transNasResourceEqualsFreshConversion() throws IOException {
        Path source = TableSourceData.file(ArchitectureTableConverter.TRANSNAS_FILE);

        assertThat(shipped(TransNas101Table.RESOURCE))
                .isEqualTo(ArchitectureTableConverter.transNas101(source));
    }

    @Test
    void graphResourcesEqualFreshConversion() throws IOException {
        for (String dataset : NasBenchGraphTable.DATASETS) {
            Path source = TableSourceData.file(
                    String.format(ArchitectureTableConverter.GRAPH_FILE_PATTERN, dataset));

            assertThat(shipped(String.format(NasBenchGraphTable.RESOURCE_PATTERN, dataset)))
                    .as(dataset)
                    .isEqualTo(ArchitectureTableConverter.nasBenchGraph(source));
        }
    }

    @Test
    void transNasValuesMatchSourceRows() throws IOException {
        Path source = TableSourceData.file(ArchitectureTableConverter.TRANSNAS_FILE);
        List<String[]> rows = ArchitectureTableConverter.readCsv(source,
                List.of("task", "idx", "op_indices", "val_metric", "zen_score"));
        Map<String, TransNas101Table> tables = new HashMap<>();

        assertThat(rows).hasSize(28_672);
        for (String[] row : rows) {
            TransNas101Table table = tables.computeIfAbsent(row[0], TransNas101Table::load);
            Architecture cell = TransNas101Space.create().of(List.of(
                    row[2].replaceAll("[()]", "").split(",")).stream()
                    .map(Integer::valueOf).toList());

            assertThat(table.value(cell)).isEqualTo(Double.parseDouble(row[3]));
            assertThat(table.zen(cell)).isEqualTo(Double.parseDouble(row[4]));
        }
    }

    @Test
    void graphValuesMatchLinkAndOpsColumns() throws IOException {
        for (String dataset : NasBenchGraphTable.DATASETS) {
            Path source = TableSourceData.file(
                    String.format(ArchitectureTableConverter.GRAPH_FILE_PATTERN, dataset));
            List<String[]> rows = ArchitectureTableConverter.readCsv(source, List.of("hash",
                    "link", "ops", "valid_perf", "test_perf", "latency_s", "params_M"));
            NasBenchGraphTable table = NasBenchGraphTable.load(dataset);

            assertThat(rows).hasSize(26_206);
            for (String[] row : rows) {
                Architecture architecture = NasBenchGraphSpace.of(row[1].replace("-", ""),
                        List.of(row[2].split("-")));

                assertThat(table.value(architecture)).isEqualTo(Double.parseDouble(row[3]));
                assertThat(table.testAccuracy(architecture))
                        .isEqualTo(Double.parseDouble(row[4]));
                assertThat(table.latencySeconds(architecture))
                        .isEqualTo(Double.parseDouble(row[5]));
                assertThat(table.paramsMillions(architecture))
                        .isEqualTo(Double.parseDouble(row[6]));
            }
        }
    }

    private static String shipped(String resource) throws IOException {
        try (InputStream in = new GZIPInputStream(
                ArchitectureTableSourceTest.class.getResourceAsStream(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
