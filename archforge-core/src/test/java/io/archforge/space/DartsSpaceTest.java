package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.DartsSpace.Edge;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DartsSpaceTest {

    private static final ChoiceSpace DARTS = DartsSpace.create();

    private static final List<Edge> NORMAL = List.of(
            new Edge(0, "sep_conv_3x3"), new Edge(1, "skip_connect"),
            new Edge(2, "max_pool_3x3"), new Edge(0, "avg_pool_3x3"),
            new Edge(3, "dil_conv_3x3"), new Edge(1, "sep_conv_5x5"),
            new Edge(4, "dil_conv_5x5"), new Edge(2, "skip_connect"));
    private static final List<Edge> REDUCTION = List.of(
            new Edge(0, "max_pool_3x3"), new Edge(1, "max_pool_3x3"),
            new Edge(0, "avg_pool_3x3"), new Edge(1, "avg_pool_3x3"),
            new Edge(1, "skip_connect"), new Edge(0, "sep_conv_3x3"),
            new Edge(1, "sep_conv_5x5"), new Edge(0, "dil_conv_3x3"));

    @Test
    void choicesPerCellNodeAndEdge() {
        assertThat(DARTS.name()).isEqualTo("nb301");
        assertThat(DARTS.choiceNames()).hasSize(32)
                .startsWith("normal.node2.input0", "normal.node2.op0",
                        "normal.node2.input1", "normal.node2.op1", "normal.node3.input0")
                .endsWith("reduction.node5.input1", "reduction.node5.op1");
        Choice lastInput = DARTS.choices().get(DARTS.indexOf("normal.node5.input0"));
        assertThat(((Choice.Categorical) lastInput).options())
                .containsExactly("0", "1", "2", "3", "4");
        // (2*7)^2 * (3*7)^2 * (4*7)^2 * (5*7)^2 per cell, squared, overflows a long.
        assertThat(DARTS.size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void genotypeRoundTrip() {
        Architecture architecture = DartsSpace.of(NORMAL, REDUCTION);

        assertThat(DartsSpace.edges(architecture, 0)).isEqualTo(NORMAL);
        assertThat(DartsSpace.edges(architecture, 1)).isEqualTo(REDUCTION);
        assertThat(architecture.text()).startsWith(
                "normal.node2.input0=0,normal.node2.op0=sep_conv_3x3,"
                + "normal.node2.input1=1,normal.node2.op1=skip_connect,"
                + "normal.node3.input0=2,normal.node3.op0=max_pool_3x3");
        assertThat(DARTS.parse(architecture.text())).isEqualTo(architecture);
        assertThat(DartsSpace.isValid(architecture)).isTrue();
    }

    @Test
    void genesAreNaslibCompactCodes() {
        Architecture architecture = DartsSpace.of(NORMAL, REDUCTION);

        // NASLib's compact pair (node, op index) for normal edge 4 is (3, 5).
        assertThat(architecture.intGene(8)).isEqualTo(3);
        assertThat(architecture.intGene(9)).isEqualTo(5);
        assertThat(DartsSpace.OPERATIONS.indexOf("dil_conv_3x3")).isEqualTo(5);
    }

    @Test
    void parsePrintRoundTrip() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            Architecture architecture = DARTS.sample(random);

            assertThat(DARTS.parse(architecture.text())).isEqualTo(architecture);
        }
    }

    @Test
    void sameInputTwiceIsInvalid() {
        List<Edge> normal = new ArrayList<>(NORMAL);
        normal.set(7, new Edge(4, "skip_connect"));

        assertThat(DartsSpace.isValid(DartsSpace.of(normal, REDUCTION))).isFalse();
    }

    @Test
    void rejectsInputAtOrAfterItsNode() {
        List<Edge> normal = new ArrayList<>(NORMAL);
        normal.set(1, new Edge(2, "skip_connect"));

        assertThatThrownBy(() -> DartsSpace.of(normal, REDUCTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge 1 of the normal cell feeds node 2 but reads node 2");
        assertThatThrownBy(() -> DartsSpace.of(NORMAL, REDUCTION.subList(0, 6)))
                .hasMessageContaining("reduction cell needs 8 edges");
    }

    @Test
    void rejectsBadGenesAndText() {
        List<Integer> genes = new ArrayList<>(DartsSpace.of(NORMAL, REDUCTION).genes()
                .stream().map(Number::intValue).toList());
        genes.set(0, 2);
        assertThatThrownBy(() -> DARTS.of(genes))
                .hasMessageContaining("invalid gene 2 for choice 'normal.node2.input0'");

        String text = DartsSpace.of(NORMAL, REDUCTION).text()
                .replace("normal.node2.op0=sep_conv_3x3", "normal.node2.op0=sep_conv_7x7");
        assertThatThrownBy(() -> DARTS.parse(text))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("invalid value 'sep_conv_7x7'")
                .hasMessageContaining("dil_conv_5x5");
        assertThatThrownBy(() -> new Edge(1, "none"))
                .hasMessageContaining("unknown DARTS operation 'none'");
    }

    @Test
    void registeredByName() {
        assertThat(SearchSpaces.byName("nb301")).isEqualTo(DARTS);
    }
}
