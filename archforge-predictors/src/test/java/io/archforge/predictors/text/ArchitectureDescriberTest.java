package io.archforge.predictors.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.ArchitectureGraph;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArchitectureDescriberTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    @Test
    void nb201CellIsListedNodeByNode() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|"
                + "+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");

        // Edge 1->2 reads what enters node 1, and edge 2->3 what enters node 2.
        assertThat(describer.describe(cell)).isEqualTo("A cell with 6 operations."
                + " 1: 3x3 conv of input. 2: 3x3 conv of input."
                + " 3: 3x3 average pool of 1. 4: skip connection of input."
                + " 5: 3x3 conv of 1. 6: skip connection of 2 and 3."
                + " Output takes 4, 5 and 6.");
    }

    @Test
    void zeroEdgesAreLeftOut() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.parse("|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|"
                + "+|skip_connect~0|none~1|avg_pool_3x3~2|");

        assertThat(describer.describe(cell)).isEqualTo("A cell with 4 operations."
                + " 1: 3x3 conv of input. 2: 1x1 conv of 1."
                + " 3: skip connection of input. 4: 3x3 average pool of 2."
                + " Output takes 3 and 4.");
    }

    @Test
    void operationFedByNothingSaysSo() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.parse("|none~0|+|none~0|nor_conv_3x3~1|"
                + "+|none~0|none~1|skip_connect~2|");

        assertThat(describer.describe(cell)).isEqualTo("A cell with 2 operations."
                + " 1: 3x3 conv of nothing. 2: skip connection of 1. Output takes 2.");
    }

    @Test
    void outputFedByEveryOperationSaysAll() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.parse("|none~0|+|none~0|none~1|"
                + "+|nor_conv_3x3~0|nor_conv_1x1~1|skip_connect~2|");

        assertThat(describer.describe(cell)).isEqualTo("A cell with 3 operations."
                + " 1: 3x3 conv of input. 2: 1x1 conv of nothing. 3: skip connection of nothing."
                + " Output takes all 3 operations.");
    }

    @Test
    void emptyCellHasNoOperations() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        assertThat(describer.describe(cell))
                .isEqualTo("A cell with 0 operations. Output takes nothing.");
    }

    @Test
    void cellSpaceGivesOnePart() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture cell = NB201.sample(new SplittableRandom(3));

        assertThat(describer.parts(cell)).containsExactly(describer.describe(cell));
    }

    @Test
    void macroSpaceListsEveryChoice() {
        ChoiceSpace macro = MacroSpace.create();
        ArchitectureDescriber describer = new ArchitectureDescriber(macro);
        // Depth and kernel are values, width, expansion and residual option indices.
        Architecture network = macro.of(List.of(2, 3, 5, 2, 1, 1, 0, 3, 0, 0, 3, 5, 5, 1, 1));

        assertThat(describer.describe(network)).isEqualTo("An architecture with 15 choices."
                + " s1: depth 2, width 32, kernel 5, expansion 4, residual on."
                + " s2: depth 1, width 8, kernel 3, expansion 1, residual off."
                + " s3: depth 3, width 64, kernel 5, expansion 2, residual on.");
    }

    @Test
    void realChoicesAreRounded() {
        ChoiceSpace space = new ChoiceSpace("toy", List.of(
                new Choice.FloatRange("learning_rate", 1e-4, 1e-1, true),
                new Choice.Categorical("optimizer", List.of("sgd", "adam"))));
        ArchitectureDescriber describer = new ArchitectureDescriber(space);

        assertThat(describer.describe(space.of(List.of(0.0012345678, 1))))
                .isEqualTo("An architecture with 2 choices. learning rate 0.001235. optimizer adam.");
    }

    @Test
    void architectureOfAnotherSpaceIsRejected() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        Architecture network = MacroSpace.create().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> describer.describe(network))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("macro");
    }

    @Test
    void cellNamesMustMatchCellCount() {
        assertThatThrownBy(() -> new ArchitectureDescriber(NB201, List.of("normal", "reduction")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells but 2");
    }

    @Test
    void namedCellHeadsItsPart() {
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201, List.of("normal cell"));
        Architecture cell = NB201.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        assertThat(describer.describe(cell)).startsWith("Normal cell with 1 operation.");
    }

    @Test
    void severalInputsAreNumbered() {
        boolean[][] adjacency = new boolean[4][4];
        adjacency[0][2] = true;
        adjacency[1][2] = true;
        adjacency[2][3] = true;
        ArchitectureGraph graph = new ArchitectureGraph(
                List.of("input", "input", "sep_conv_3x3", "output"), adjacency);

        assertThat(GraphDescription.of("reduction cell", graph)).isEqualTo(
                "Reduction cell with 1 operation. 1: 3x3 separable conv of input 1"
                        + " and input 2. Output takes 1.");
    }

    @Test
    void everyNb201CellFitsTheModel() {
        MiniLm model = MiniLm.get();
        ArchitectureDescriber describer = new ArchitectureDescriber(NB201);
        int longest = 0;
        int[] genes = new int[NB201.edgeCount()];
        for (long code = 0; code < NB201.size(); code++) {
            long rest = code;
            for (int edge = 0; edge < genes.length; edge++) {
                genes[edge] = (int) (rest % NB201.operations().size());
                rest /= NB201.operations().size();
            }
            Architecture cell = NB201.of(Arrays.stream(genes).boxed().toList());
            longest = Math.max(longest, model.wordPieces(describer.describe(cell)));
        }

        assertThat(longest).isLessThanOrEqualTo(model.maxWordPieces());
    }

    @Test
    void nb101SizedCellsFitTheModel() {
        MiniLm model = MiniLm.get();
        List<String> operations = List.of("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3");
        SplittableRandom random = new SplittableRandom(101);
        int longest = 0;
        for (int sample = 0; sample < 200; sample++) {
            ArchitectureGraph graph = nb101SizedGraph(operations, random);
            longest = Math.max(longest, model.wordPieces(GraphDescription.of("a cell", graph)));
        }

        assertThat(longest).isLessThanOrEqualTo(model.maxWordPieces());
    }

    @Test
    void dartsSizedCellsFitTheModel() {
        MiniLm model = MiniLm.get();
        List<String> operations = List.of("sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
                "dil_conv_5x5", "max_pool_3x3", "avg_pool_3x3", "skip_connect");
        SplittableRandom random = new SplittableRandom(2019);
        int longest = 0;
        for (int sample = 0; sample < 200; sample++) {
            ArchitectureGraph graph = dartsSizedGraph(operations, random);
            longest = Math.max(longest,
                    model.wordPieces(GraphDescription.of("reduction cell", graph)));
        }

        assertThat(longest).isLessThanOrEqualTo(model.maxWordPieces());
    }

    /** A random 7-node graph with the most edges NAS-Bench-101 allows, 9. */
    private static ArchitectureGraph nb101SizedGraph(List<String> operations,
            SplittableRandom random) {
        int size = 7;
        List<String> labels = new ArrayList<>();
        labels.add(ArchitectureGraph.INPUT);
        for (int node = 1; node < size - 1; node++) {
            labels.add(operations.get(random.nextInt(operations.size())));
        }
        labels.add(ArchitectureGraph.OUTPUT);
        boolean[][] adjacency = new boolean[size][size];
        int edges = 0;
        while (edges < 9) {
            int from = random.nextInt(size - 1);
            int to = from + 1 + random.nextInt(size - 1 - from);
            if (!adjacency[from][to]) {
                adjacency[from][to] = true;
                edges++;
            }
        }
        return new ArchitectureGraph(labels, adjacency);
    }

    /**
     * A random DARTS cell in graph form: two input nodes, four cell nodes that each
     * take two operations from earlier nodes, and an output that concatenates all
     * eight operations. Each operation becomes a node fed by the operations that enter
     * its source node, or by the input node it reads.
     */
    private static ArchitectureGraph dartsSizedGraph(List<String> operations,
            SplittableRandom random) {
        int size = 2 + 8 + 1;
        List<String> labels = new ArrayList<>(List.of(ArchitectureGraph.INPUT,
                ArchitectureGraph.INPUT));
        boolean[][] adjacency = new boolean[size][size];
        // entering.get(n) lists the operation nodes that enter cell node n (n >= 2).
        List<List<Integer>> entering = new ArrayList<>(List.of(List.of(), List.of()));
        for (int cellNode = 2; cellNode < 6; cellNode++) {
            int first = random.nextInt(cellNode);
            int second = (first + 1 + random.nextInt(cellNode - 1)) % cellNode;
            List<Integer> into = new ArrayList<>();
            for (int source : List.of(first, second)) {
                int node = labels.size();
                labels.add(operations.get(random.nextInt(operations.size())));
                if (source < 2) {
                    adjacency[source][node] = true;
                } else {
                    entering.get(source).forEach(op -> adjacency[op][node] = true);
                }
                into.add(node);
            }
            entering.add(into);
        }
        labels.add(ArchitectureGraph.OUTPUT);
        for (int op = 2; op < size - 1; op++) {
            adjacency[op][size - 1] = true;
        }
        return new ArchitectureGraph(labels, adjacency);
    }
}
