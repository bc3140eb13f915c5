package io.archforge.torch.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanetoidReaderTest {

    private static final List<String> NODES = List.of(
            "node,label,split,feature_indices",
            "10,0,train,0 2",
            "11,1,train,1",
            "12,0,val,2",
            "13,1,test,0 1",
            "14,-1,none,");
    private static final List<String> EDGES = List.of("src,dst", "10,11", "11,12", "12,13");

    @TempDir
    Path directory;

    @Test
    void bundledCoraHasPlanetoidCounts() {
        GraphData cora = PlanetoidDatasets.bundled("cora");

        assertThat(cora.nodes()).isEqualTo(2708);
        assertThat(cora.features()).isEqualTo(1433);
        assertThat(cora.classes()).isEqualTo(7);
        assertThat(cora.edges()).isEqualTo(5278);
        assertThat(cora.nodesOf(NodeSplit.TRAIN)).hasSize(140);
        assertThat(cora.nodesOf(NodeSplit.VALID)).hasSize(500);
        assertThat(cora.nodesOf(NodeSplit.TEST)).hasSize(1000);
    }

    @Test
    void bundledCiteseerHasPlanetoidCounts() {
        GraphData citeseer = PlanetoidDatasets.bundled("citeseer");

        assertThat(citeseer.nodes()).isEqualTo(3327);
        assertThat(citeseer.features()).isEqualTo(3703);
        assertThat(citeseer.classes()).isEqualTo(6);
        assertThat(citeseer.edges()).isEqualTo(4552);
        assertThat(citeseer.nodesOf(NodeSplit.TRAIN)).hasSize(120);
    }

    @Test
    void directoryGraphMapsNodeIds() throws IOException {
        GraphData graph = read(NODES, EDGES);

        assertThat(graph.nodes()).isEqualTo(5);
        assertThat(graph.features()).isEqualTo(3);
        assertThat(graph.classes()).isEqualTo(2);
        assertThat(graph.edgeSources()).containsExactly(0, 1, 2);
        assertThat(graph.edgeTargets()).containsExactly(1, 2, 3);
        assertThat(graph.splits()[4]).isEqualTo(NodeSplit.NONE);
    }

    @Test
    void edgeToUnknownNodeFails() {
        assertThatThrownBy(() -> read(NODES, List.of("src,dst", "10,11", "12,99")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("edges.csv line 3")
                .hasMessageContaining("dst node 99 is not in the node file");
    }

    @Test
    void extraFieldsInRowFail() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,0,train,1,2,2 9 1");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,10")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("has 6 fields, but the header names only 4");
    }

    @Test
    void featureIndexAboveLimitFails() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,0,train,2000000000");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,10")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("feature index 2000000000 is outside 0 to 99999");
    }

    @Test
    void nonNumericFieldFails() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,zero,train,0 1",
                "11,1,train,1");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,11")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("nodes.csv line 2")
                .hasMessageContaining("label 'zero' is not an integer");
    }

    @Test
    void nonNumericFeatureFails() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,0,train,0 x",
                "11,1,train,1");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,11")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("nodes.csv line 2")
                .hasMessageContaining("feature index 'x' is not an integer");
    }

    @Test
    void labelOutsideClassesFails() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,0,train,0",
                "11,1,train,1", "12,5,val,1");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,11")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("nodes.csv line 4")
                .hasMessageContaining("label 5 is outside the 3 classes 0..2");
    }

    @Test
    void missingColumnFails() {
        List<String> nodes = List.of("node,label,feature_indices", "10,0,0", "11,1,1");
        assertThatThrownBy(() -> read(nodes, EDGES))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("nodes.csv line 1")
                .hasMessageContaining("missing column 'split'");
    }

    @Test
    void emptyFileFails() {
        assertThatThrownBy(() -> read(NODES, List.of()))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("edges.csv is empty");
    }

    @Test
    void missingFileFails() throws IOException {
        Files.write(directory.resolve(PlanetoidReader.NODES_FILE), NODES);

        assertThatThrownBy(() -> PlanetoidReader.read(directory))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("edges.csv does not exist");
    }

    @Test
    void unknownSplitFails() {
        List<String> nodes = List.of("node,label,split,feature_indices", "10,0,training,0",
                "11,1,train,1");
        assertThatThrownBy(() -> read(nodes, List.of("src,dst", "10,11")))
                .isInstanceOf(GraphDataException.class)
                .hasMessageContaining("nodes.csv line 2")
                .hasMessageContaining("split 'training'");
    }

    private GraphData read(List<String> nodes, List<String> edges) throws IOException {
        Files.write(directory.resolve(PlanetoidReader.NODES_FILE), nodes);
        Files.write(directory.resolve(PlanetoidReader.EDGES_FILE), edges);
        return PlanetoidReader.read(directory);
    }
}
