package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NasBenchGraphSpaceTest {

    private static final ChoiceSpace SPACE = NasBenchGraphSpace.create();

    @Test
    void hasLinksAndFourOperations() {
        assertThat(SPACE.name()).isEqualTo("nasbench-graph");
        assertThat(SPACE.choiceNames()).containsExactly("links", "op1", "op2", "op3", "op4");
        assertThat(SPACE.size()).isEqualTo(9L * 9 * 9 * 9 * 9);
    }

    @Test
    void registeredByName() {
        assertThat(SearchSpaces.names()).contains("nasbench-graph");
        assertThat(SearchSpaces.byName("nasbench-graph")).isEqualTo(SPACE);
    }

    @Test
    void sampledArchitecturesRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            Architecture architecture = SPACE.sample(random);
            Architecture parsed = SPACE.parse(architecture.text());
            Architecture rebuilt = NasBenchGraphSpace.of(
                    SPACE.option(architecture, "links"),
                    NasBenchGraphSpace.operations(architecture));

            assertThat(parsed).isEqualTo(architecture);
            assertThat(rebuilt).isEqualTo(architecture);
        }
    }

    @Test
    void readsInputsAndOperations() {
        Architecture architecture = SPACE.parse("links=0112,op1=gcn,op2=gin,op3=fc,op4=cheb");

        assertThat(NasBenchGraphSpace.inputs(architecture)).containsExactly(0, 1, 1, 2);
        assertThat(NasBenchGraphSpace.operations(architecture))
                .containsExactly("gcn", "gin", "fc", "cheb");
    }

    @Test
    void leavesAreLayersNobodyReads() {
        assertThat(NasBenchGraphSpace.leaves(new int[] {0, 0, 0, 0}))
                .containsExactly(true, true, true, true);
        assertThat(NasBenchGraphSpace.leaves(new int[] {0, 1, 2, 3}))
                .containsExactly(false, false, false, true);
        assertThat(NasBenchGraphSpace.leaves(new int[] {0, 1, 1, 2}))
                .containsExactly(false, false, true, true);
        assertThat(NasBenchGraphSpace.leaves(new int[] {0, 0, 1, 3}))
                .containsExactly(false, true, false, true);
    }

    @Test
    void leavesRejectForwardLink() {
        assertThatThrownBy(() -> NasBenchGraphSpace.leaves(new int[] {0, 2, 1, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2 reads node 2");
    }

    @Test
    void parseRejectsPatternOutsideTheNine() {
        assertThatThrownBy(() -> SPACE.parse("links=0102,op1=gcn,op2=gin,op3=fc,op4=cheb"))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("invalid value '0102' for choice 'links'")
                .hasMessageContaining("0123");
    }

    @Test
    void parseRejectsUnknownOperation() {
        assertThatThrownBy(() -> SPACE.parse("links=0000,op1=gcn,op2=mlp,op3=fc,op4=cheb"))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("'mlp'")
                .hasMessageContaining("sage");
    }

    @Test
    void ofRejectsBadValues() {
        List<String> operations = List.of("gcn", "gin", "fc", "cheb");

        assertThatThrownBy(() -> NasBenchGraphSpace.of("0120", operations))
                .hasMessageContaining("'0120'").hasMessageContaining("0000");
        assertThatThrownBy(() -> NasBenchGraphSpace.of("0123", List.of("gcn", "gin", "fc")))
                .hasMessageContaining("4 layer operations, got 3");
        assertThatThrownBy(() -> NasBenchGraphSpace.of("0123",
                List.of("gcn", "gin", "fc", "GCN")))
                .hasMessageContaining("'GCN'").hasMessageContaining("skip");
    }

    @Test
    void inputsRejectOtherSpaces() {
        Architecture cell = CellSpace.nb201().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> NasBenchGraphSpace.inputs(cell))
                .hasMessageContaining("not 'nasbench-graph'");
    }
}
