package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GnnSpaceTest {

    private static final ChoiceSpace SPACE = GnnSpace.create();

    @Test
    void spaceHasExpectedSize() {
        assertThat(SPACE.size()).isEqualTo(9L * 9 * 9 * 9 * 9 * 4 * 4 * 6);
        assertThat(SearchSpaces.byName(GnnSpace.NAME)).isEqualTo(SPACE);
        assertThat(SearchSpaces.names()).contains(GnnSpace.NAME);
    }

    @Test
    void everyBenchmarkArchitectureMaps() {
        ChoiceSpace benchmark = NasBenchGraphSpace.create();
        int operations = NasBenchGraphSpace.OPERATIONS.size();
        for (int pattern = 0; pattern < NasBenchGraphSpace.LINK_PATTERNS.size(); pattern++) {
            for (int code = 0; code < operations * operations * operations * operations; code++) {
                List<Number> genes = new ArrayList<>(List.of(pattern, code % 9, code / 9 % 9,
                        code / 81 % 9, code / 729));
                Architecture original = benchmark.of(genes);

                Architecture mapped = GnnSpace.fromNasBenchGraph(original);

                assertThat(GnnSpace.toNasBenchGraph(mapped)).isEqualTo(original);
                assertThat(mapped.text()).startsWith(original.text() + ",");
            }
        }
    }

    @Test
    void mappingFillsDefaultChoices() {
        Architecture original = NasBenchGraphSpace.of("0112", List.of("gcn", "gin", "fc",
                "cheb"));

        Architecture mapped = GnnSpace.fromNasBenchGraph(original);

        assertThat(mapped.text()).isEqualTo("links=0112,op1=gcn,op2=gin,op3=fc,op4=cheb,"
                + "hidden=256,aggregation=standard,dropout=0.5");
        assertThat(GnnSpace.hidden(mapped)).isEqualTo(256);
        assertThat(GnnSpace.aggregation(mapped)).isEqualTo("standard");
        assertThat(GnnSpace.dropout(mapped)).isEqualTo(0.5);
        assertThat(GnnSpace.inputs(mapped)).containsExactly(0, 1, 1, 2);
        assertThat(GnnSpace.operations(mapped)).containsExactly("gcn", "gin", "fc", "cheb");
    }

    @Test
    void printedFormParsesBack() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            Architecture sampled = SPACE.sample(random);
            assertThat(SPACE.parse(sampled.text())).isEqualTo(sampled);
        }
    }

    @Test
    void invalidHiddenWidthRejected() {
        Architecture original = NasBenchGraphSpace.of("0123", List.of("gcn", "gcn", "skip",
                "skip"));

        assertThatThrownBy(() -> GnnSpace.fromNasBenchGraph(original, 100, "sum", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid hidden 100");
    }

    @Test
    void otherSpaceRejected() {
        Architecture gnn = SPACE.sample(new SplittableRandom(1));

        assertThatThrownBy(() -> GnnSpace.fromNasBenchGraph(gnn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is of space 'gnn'");
    }
}
