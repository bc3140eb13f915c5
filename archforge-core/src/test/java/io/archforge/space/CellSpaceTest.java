package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellSpaceTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final String SAMPLE =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|"
                    + "+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    @Test
    void nb201Shape() {
        assertThat(NB201.name()).isEqualTo("nb201");
        assertThat(NB201.size()).isEqualTo(15_625);
        assertThat(NB201.edgeCount()).isEqualTo(6);
        assertThat(NB201.edges()).extracting(CellSpace.Edge::toString)
                .containsExactly("0->1", "0->2", "1->2", "0->3", "1->3", "2->3");
        assertThat(NB201.choices()).hasSize(6).allSatisfy(c -> assertThat(c)
                .isEqualTo(new Choice.Categorical(c.name(), NB201.operations())));
    }

    @Test
    void parseReadsEdgesInGeneOrder() {
        Architecture cell = NB201.parse(SAMPLE);

        assertThat(cell.genes()).containsExactly(3, 3, 4, 1, 3, 1);
        assertThat(NB201.operation(cell, 2)).isEqualTo("avg_pool_3x3");
        assertThat(NB201.operation(cell, 3)).isEqualTo("skip_connect");
        assertThat(cell.text()).isEqualTo(SAMPLE);
        assertThat(cell.space()).isEqualTo("nb201");
    }

    @Test
    void ofPrintsTheStringForm() {
        Architecture cell = NB201.of(List.of(0, 1, 2, 3, 4, 0));

        assertThat(cell.text()).isEqualTo(
                "|none~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|");
        assertThat(NB201.parse(cell.text())).isEqualTo(cell);
    }

    @Test
    void ofRejectsBadGenes() {
        assertThatThrownBy(() -> NB201.of(List.of(0, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 6 genes");
        assertThatThrownBy(() -> NB201.of(List.of(0, 1, 2, 3, 4, 5)))
                .hasMessageContaining("gene 5").hasMessageContaining("from 0 to 4");
        assertThatThrownBy(() -> NB201.of(List.of(0, 1, 2, 3, 4, 1.0)))
                .hasMessageContaining("gene 5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';it is empty",
        "nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|;start and end with '|'",
        "|none~0|+|none~0|none~1|;2 node groups but the cell needs 3",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|;4 node groups",
        "|none~0|+|none~0|+|none~0|none~1|none~2|;node 2 has 1 incoming edges",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|none~3|;node 3 has 4 incoming edges",
        "|none~0|+|none~0|none~2|+|none~0|none~1|none~2|;must come from node 1",
        "|none0|+|none~0|none~1|+|none~0|none~1|none~2|;must be written OPERATION~0",
        "|none~0|+|none~0|none~1|+|none~0|none~1|conv~2|;unknown operation 'conv' on edge 2->3",
        "|none~0|,|none~0|none~1|,|none~0|none~1|none~2|;it has 1 node groups",
    })
    void parseErrorsQuoteTheTextAndTheFix(String text, String expectedMessage) {
        assertThatThrownBy(() -> NB201.parse(text))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(expectedMessage)
                .hasMessageContaining("|op~0|+|op~0|op~1|+|op~0|op~1|op~2|");
    }

    @Test
    void unknownOperationListsValidOnes() {
        String text = "|none~0|+|none~0|none~1|+|none~0|none~1|conv~2|";

        assertThatThrownBy(() -> NB201.parse(text))
                .hasMessageContaining(
                        "[none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3]");
    }

    @Test
    void nullParsesAsEmpty() {
        assertThatThrownBy(() -> NB201.parse(null))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("empty");
    }

    // Pairs that the benchmark's UniqueString column puts in one class.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // Sum terms in another order.
        "|avg_pool_3x3~0|+"
                + "|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|;"
                + "|nor_conv_1x1~0|+"
                + "|avg_pool_3x3~0|skip_connect~1|+|avg_pool_3x3~0|skip_connect~1|skip_connect~2|",
        // Terms in another order inside a convolution's input.
        "|skip_connect~0|+"
                + "|avg_pool_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|avg_pool_3x3~2|;"
                + "|skip_connect~0|+"
                + "|nor_conv_3x3~0|avg_pool_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|avg_pool_3x3~2|",
        // Branches cut off by none edges do not count.
        "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|;"
                + "|skip_connect~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|",
        // Operations applied to a zero node give zero.
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|none~1|none~2|;"
                + "|none~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|none~0|nor_conv_1x1~1|none~2|",
        "|skip_connect~0|+|nor_conv_1x1~0|none~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|;"
                + "|nor_conv_1x1~0|+"
                + "|skip_connect~0|skip_connect~1|+|none~0|skip_connect~1|skip_connect~2|",
    })
    void isomorphicCellsShareKey(String first, String second) {
        Architecture a = NB201.parse(first);
        Architecture b = NB201.parse(second);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.isomorphismKey()).isEqualTo(b.isomorphismKey());
        assertThat(NB201.canonical(a)).isEqualTo(NB201.canonical(b));
    }

    // Pairs that the benchmark's UniqueString column keeps apart.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // One operation differs on a live edge.
        "|nor_conv_1x1~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_1x1~2|;"
                + "|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_1x1~2|",
        // The same sum, but one part arrives through a skip as a single term.
        "|skip_connect~0|+|nor_conv_1x1~0|none~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|;"
                + "|skip_connect~0|+"
                + "|skip_connect~0|none~1|+|nor_conv_1x1~0|nor_conv_1x1~1|skip_connect~2|",
        // A node that sums two zeros is not zero itself.
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|;"
                + "|none~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|",
        // Zero terms are counted.
        "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|;"
                + "|none~0|+"
                + "|skip_connect~0|nor_conv_3x3~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
    })
    void distinctCellsHaveDistinctKeys(String first, String second) {
        Architecture a = NB201.parse(first);
        Architecture b = NB201.parse(second);

        assertThat(a.isomorphismKey()).isNotEqualTo(b.isomorphismKey());
        assertThat(NB201.canonical(a)).isNotEqualTo(NB201.canonical(b));
    }

    @Test
    void keyWritesTheOutputAsSumOfPaths() {
        assertThat(NB201.parse(SAMPLE).isomorphismKey()).isEqualTo(
                "((0)@nor_conv_3x3)@avg_pool_3x3+(0)@nor_conv_3x3"
                        + "+((0)@nor_conv_3x3)@nor_conv_3x3+0");
    }

    @Test
    void canonicalIsSmallestMember() {
        Architecture cell = NB201.parse(
                "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|");

        Architecture canonical = NB201.canonical(cell);

        assertThat(canonical.isomorphismKey()).isEqualTo(cell.isomorphismKey());
        assertThat(canonical.genes()).containsExactly(0, 0, 0, 1, 0, 1);
        assertThat(NB201.canonical(canonical)).isEqualTo(canonical);
    }

    @Test
    void canonicalMatchesBruteForce() {
        Map<String, Architecture> smallest = new HashMap<>();
        for (int code = 0; code < 15_625; code++) {
            Architecture cell = NB201.of(digits(code));
            smallest.putIfAbsent(cell.isomorphismKey(), cell);
            assertThat(NB201.canonical(cell)).isEqualTo(smallest.get(cell.isomorphismKey()));
        }

        assertThat(smallest).hasSize(6_466);
        assertThat(NB201.isomorphismClassCount()).isEqualTo(6_466);
    }

    /** The base-5 digits of {@code code}, first gene most significant. */
    private static List<Integer> digits(int code) {
        Integer[] genes = new Integer[6];
        for (int k = 5; k >= 0; k--) {
            genes[k] = code % 5;
            code /= 5;
        }
        return List.of(genes);
    }

    @Test
    void neighboursChangeOneEdge() {
        Architecture center = NB201.parse(SAMPLE);

        List<Architecture> neighbours = NB201.neighbours(center);

        assertThat(neighbours).hasSize(24).doesNotHaveDuplicates().doesNotContain(center);
        for (Architecture neighbour : neighbours) {
            assertThat(differingGenes(center, neighbour)).isEqualTo(1);
        }
    }

    @Test
    void mutateChangesExactlyOneEdge() {
        SplittableRandom random = new SplittableRandom(7);
        Architecture parent = NB201.parse(SAMPLE);
        int[] changesPerEdge = new int[6];
        int trials = 6000;

        for (int i = 0; i < trials; i++) {
            Architecture child = NB201.mutate(parent, random);
            assertThat(differingGenes(parent, child)).isEqualTo(1);
            for (int edge = 0; edge < 6; edge++) {
                if (child.intGene(edge) != parent.intGene(edge)) {
                    changesPerEdge[edge]++;
                }
            }
        }

        // Each edge is picked with probability 1/6: 1000 expected, standard deviation 29.
        for (int count : changesPerEdge) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    @Test
    void sampleCoversOperationsUniformly() {
        SplittableRandom random = new SplittableRandom(11);
        int[] counts = new int[5];
        Set<Architecture> seen = new HashSet<>();

        for (int i = 0; i < 5000; i++) {
            Architecture cell = NB201.sample(random);
            seen.add(cell);
            counts[cell.intGene(0)]++;
        }

        // 1000 expected per operation, standard deviation 28.
        for (int count : counts) {
            assertThat(count).isBetween(860, 1140);
        }
        assertThat(seen.size()).isGreaterThan(3500);
    }

    @Test
    void sameSeedSamplesSameCells() {
        List<Architecture> first = sampleSeries(3);
        List<Architecture> second = sampleSeries(3);

        assertThat(first).isEqualTo(second);
        assertThat(sampleSeries(4)).isNotEqualTo(first);
    }

    @Test
    void rejectsArchitectureOfAnotherSpace() {
        Architecture macro = MacroSpace.create().sample(new SplittableRandom(1));

        assertThatThrownBy(() -> NB201.neighbours(macro))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in space 'nb201'");
    }

    @Test
    void constructorValidates() {
        List<String> ops = List.of("none", "skip", "conv");

        assertThatThrownBy(() -> new CellSpace("c", 1, ops, "none", "skip"))
                .hasMessageContaining("at least 2 nodes");
        assertThatThrownBy(() -> new CellSpace("c", 3, List.of("none", "none"), "none", "none"))
                .hasMessageContaining("repeats an operation");
        assertThatThrownBy(() -> new CellSpace("c", 3, List.of("a|b", "none"), "none", "none"))
                .hasMessageContaining("'a|b'");
        assertThatThrownBy(() -> new CellSpace("c", 3, ops, "zero", "skip"))
                .hasMessageContaining("zero operation 'zero'");
    }

    @Test
    void smallerCellsWork() {
        CellSpace tiny = new CellSpace("tiny", 3, List.of("none", "skip", "conv"), "none", "skip");

        assertThat(tiny.size()).isEqualTo(27);
        assertThat(tiny.parse("|conv~0|+|skip~0|conv~1|").genes()).containsExactly(2, 1, 2);
        assertThat(tiny.neighbours(tiny.parse("|conv~0|+|skip~0|conv~1|"))).hasSize(6);
        // conv(0) + skip(0) in any order: 0+(0)@conv after sorting.
        assertThat(tiny.parse("|skip~0|+|conv~0|skip~1|").isomorphismKey())
                .isEqualTo(tiny.parse("|conv~0|+|skip~0|skip~1|").isomorphismKey());
    }

    private static List<Architecture> sampleSeries(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return java.util.stream.Stream.generate(() -> NB201.sample(random)).limit(20).toList();
    }

    private static int differingGenes(Architecture a, Architecture b) {
        int differing = 0;
        for (int i = 0; i < a.genes().size(); i++) {
            if (!a.genes().get(i).equals(b.genes().get(i))) {
                differing++;
            }
        }
        return differing;
    }
}
