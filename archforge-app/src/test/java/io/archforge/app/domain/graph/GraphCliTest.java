package io.archforge.app.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.benchmarks.graph.NasBenchGraphEvaluator;
import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.space.Architecture;
import io.archforge.space.NasBenchGraphSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphCliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"random", "evolution", "local-search", "tpe"})
    void benchmarkSearchMatchesTable(String strategy) {
        Cli.Result result = Cli.run("search", "--benchmark", "nasbench-graph", "--dataset",
                "citeseer", "--strategy", strategy, "--trials", "40", "--storage",
                dir.resolve(strategy + ".db").toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(40);
        JsonNode best = json.get("best");
        Architecture architecture = NasBenchGraphSpace.create()
                .parse(best.get("architecture").asText());
        NasBenchGraphEvaluator evaluator =
                new NasBenchGraphEvaluator(NasBenchGraphTable.load("citeseer"));
        Architecture row = evaluator.lookUp(architecture);
        NasBenchGraphTable table = evaluator.table();
        JsonNode metrics = best.get("metrics");
        assertThat(metrics.get("valid_accuracy").asDouble())
                .isEqualTo(100 * table.value(row));
        assertThat(metrics.get("test_accuracy").asDouble())
                .isEqualTo(100 * table.testAccuracy(row));
        assertThat(metrics.get("latency_ms").asDouble()).isPositive();
        assertThat(metrics.get("params").asDouble()).isEqualTo(table.paramsMillions(row));
    }

    @Test
    void unknownBenchmarkDatasetRejected() {
        Cli.assertSearchRejected(dir.resolve("a.db"), "unknown --dataset 'pubmed2' for"
                + " --benchmark nasbench-graph", List.of("--benchmark", "nasbench-graph",
                "--dataset", "pubmed2"));
    }

    @Test
    void trainingOptionOnTableRejected() {
        Cli.assertSearchRejected(dir.resolve("b.db"), "--epochs 5 does not apply to"
                + " --benchmark nasbench-graph", List.of("--benchmark", "nasbench-graph",
                "--dataset", "cora", "--epochs", "5"));
    }

    @Test
    void deviceOnTableRejected() {
        Cli.assertSearchRejected(dir.resolve("c.db"), "--device local does not apply",
                List.of("--benchmark", "nasbench-graph", "--dataset", "cora", "--device",
                        "local"));
    }

    @Test
    void gnnSpaceOnTableRejected() {
        Cli.assertSearchRejected(dir.resolve("d.db"), "--space gnn does not fit --benchmark"
                + " nasbench-graph", List.of("--benchmark", "nasbench-graph", "--dataset",
                "cora", "--space", "gnn"));
    }

    @Test
    void batchSizeOnGraphRejected() {
        Cli.assertSearchRejected(dir.resolve("e.db"), "--batch-size 32 does not apply to"
                + " --dataset cora", List.of("--dataset", "cora", "--batch-size", "32"));
    }

    @Test
    void badGraphFileRejected() throws IOException {
        Path graph = Files.createDirectories(dir.resolve("graph"));
        Files.write(graph.resolve("nodes.csv"), List.of("node,label,split,feature_indices",
                "0,0,train,0", "1,1,val,1", "2,1,test,0 1"));
        Files.write(graph.resolve("edges.csv"), List.of("src,dst", "0,1", "1,7"));

        Cli.assertSearchRejected(dir.resolve("f.db"), "edges.csv line 3: dst node 7 is not"
                + " in the node file", List.of("--dataset", "graph:" + graph));
    }

    @Test
    void missingGraphDirectoryRejected() {
        Cli.assertSearchRejected(dir.resolve("g.db"), "does not exist or is not a directory",
                List.of("--dataset", "graph:" + dir.resolve("nowhere")));
    }

    @Test
    void gnnSearchTrainsOnDirectoryGraph() throws IOException {
        Path graph = Files.createDirectories(dir.resolve("ring"));
        writeRing(graph, 60);

        Cli.Result result = Cli.run("search", "--dataset", "graph:" + graph, "--trials", "2",
                "--epochs", "5", "--storage", dir.resolve("h.db").toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode best = result.json().get("best");
        assertThat(best.get("architecture").asText()).contains("hidden=");
        JsonNode metrics = best.get("metrics");
        assertThat(metrics.get("accuracy").asDouble()).isBetween(0.0, 100.0);
        assertThat(metrics.get("test_accuracy").asDouble()).isBetween(0.0, 100.0);
        assertThat(metrics.get("latency_ms").asDouble()).isPositive();
        assertThat(metrics.get("params").asDouble()).isPositive();
    }

    /** Writes a ring of {@code nodes} nodes in two classes that alternate in blocks of 5. */
    private static void writeRing(Path directory, int nodes) throws IOException {
        StringBuilder nodeLines = new StringBuilder("node,label,split,feature_indices\n");
        StringBuilder edgeLines = new StringBuilder("src,dst\n");
        String[] splits = {"train", "val", "test"};
        for (int node = 0; node < nodes; node++) {
            int label = (node / 5) % 2;
            nodeLines.append(node).append(',').append(label).append(',')
                    .append(splits[node % 3]).append(',').append(label).append(' ')
                    .append(2 + node % 4).append('\n');
            edgeLines.append(node).append(',').append((node + 1) % nodes).append('\n');
        }
        Files.writeString(directory.resolve("nodes.csv"), nodeLines);
        Files.writeString(directory.resolve("edges.csv"), edgeLines);
    }
}
