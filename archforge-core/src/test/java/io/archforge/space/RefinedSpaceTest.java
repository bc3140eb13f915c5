package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RefinedSpaceTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Map<String, List<String>> NO_ZERO_ON_FIRST_EDGES = Map.of(
            "0->1", List.of("nor_conv_3x3", "nor_conv_1x1"),
            "0->2", List.of("skip_connect", "nor_conv_3x3", "avg_pool_3x3"));

    @Test
    void presentsItselfAsBase() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);

        assertThat(refined.name()).isEqualTo("nb201");
        assertThat(refined.choices()).isEqualTo(NB201.choices());
        assertThat(refined.unrestricted()).isEqualTo(NB201);
        assertThat(NB201.unrestricted()).isSameAs(NB201);
    }

    @Test
    void sizeCountsRefinedSet() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);

        assertThat(refined.size()).isEqualTo(2L * 3 * 5 * 5 * 5 * 5);
    }

    @Test
    void parseAcceptsEveryBaseArchitecture() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);
        String outside = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

        Architecture parsed = refined.parse(outside);

        assertThat(parsed).isEqualTo(NB201.parse(outside));
        assertThat(refined.contains(parsed)).isFalse();
        assertThat(refined.contains(NB201.parse(
                "|nor_conv_1x1~0|+|skip_connect~0|none~1|+|none~0|none~1|none~2|"))).isTrue();
    }

    @Test
    void sampleMutateNeighboursStayInside() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);
        SplittableRandom random = new SplittableRandom(7);

        for (int i = 0; i < 300; i++) {
            Architecture sampled = refined.sample(random);
            Architecture child = refined.mutate(sampled, random);

            assertThat(refined.contains(sampled)).isTrue();
            assertThat(refined.contains(child)).isTrue();
            assertThat(differences(sampled, child)).isEqualTo(1);
            assertThat(refined.neighbours(sampled)).allMatch(refined::contains);
        }
    }

    @Test
    void neighboursCountAllowedAlternatives() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);
        Architecture center = refined.sample(new SplittableRandom(1));

        // One other value on the first edge, two on the second, four on each of the others.
        assertThat(refined.neighbours(center)).hasSize(1 + 2 + 4 * 4);
    }

    @Test
    void mutateMovesOutsideParentInside() {
        RefinedSpace refined = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);
        Architecture outside = NB201.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");

        Architecture child = refined.mutate(outside, new SplittableRandom(3));

        assertThat(refined.contains(child)).isTrue();
        assertThat(child.genes().subList(2, 6)).isEqualTo(outside.genes().subList(2, 6));
    }

    @Test
    void macroIntegerChoiceNarrowed() {
        ChoiceSpace macro = MacroSpace.create();
        RefinedSpace refined = RefinedSpace.restrict(macro, Map.of(
                "s1.depth", List.of("2", "3"), "s2.width", List.of("32"),
                "s3.kernel", List.of("5")));
        SplittableRandom random = new SplittableRandom(11);

        for (int i = 0; i < 200; i++) {
            Architecture sampled = refined.sample(random);
            assertThat(refined.contains(sampled)).isTrue();
            assertThat(macro.intValue(sampled, "s1.depth")).isIn(2, 3);
            assertThat(macro.option(sampled, "s2.width")).isEqualTo("32");
            assertThat(refined.contains(refined.mutate(sampled, random))).isTrue();
            assertThat(refined.neighbours(sampled)).allMatch(refined::contains);
        }
        assertThat(refined.size()).isEqualTo(macro.size() / 3 * 2 / 6 / 2);
    }

    @Test
    void restrictingRefinedSpaceIntersects() {
        RefinedSpace first = RefinedSpace.restrict(NB201, NO_ZERO_ON_FIRST_EDGES);

        RefinedSpace second = RefinedSpace.restrict(first,
                Map.of("0->1", List.of("nor_conv_3x3", "skip_connect")));

        assertThat(second.unrestricted()).isEqualTo(NB201);
        assertThat(second.allowedValues().get("0->1")).containsExactly("nor_conv_3x3");
        assertThat(second.allowedValues().get("0->2"))
                .containsExactly("skip_connect", "nor_conv_3x3", "avg_pool_3x3");
    }

    @Test
    void restrictRejectsUnknownChoice() {
        assertThatThrownBy(() -> RefinedSpace.restrict(NB201, Map.of("0->9", List.of("none"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no choice '0->9'")
                .hasMessageContaining("0->1");
    }

    @Test
    void restrictRejectsUnknownValue() {
        assertThatThrownBy(() -> RefinedSpace.restrict(NB201, Map.of("0->1", List.of("conv"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid value 'conv'")
                .hasMessageContaining("nor_conv_3x3");
    }

    @Test
    void restrictRejectsEmptyChoice() {
        assertThatThrownBy(() -> RefinedSpace.restrict(NB201, Map.of("0->1", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value left");
    }

    @Test
    void restrictRejectsRealChoice() {
        ChoiceSpace mixed = new ChoiceSpace("mixed", List.of(
                new Choice.Categorical("act", List.of("relu", "gelu")),
                new Choice.FloatRange("lr", 1e-4, 1.0, true)));

        assertThatThrownBy(() -> RefinedSpace.restrict(mixed, Map.of("lr", List.of("0.1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("real-valued");
    }

    @Test
    void realChoiceLeftWhole() {
        ChoiceSpace mixed = new ChoiceSpace("mixed", List.of(
                new Choice.Categorical("act", List.of("relu", "gelu", "tanh")),
                new Choice.FloatRange("lr", 1e-4, 1.0, true)));
        RefinedSpace refined = RefinedSpace.restrict(mixed, Map.of("act", List.of("gelu")));
        SplittableRandom random = new SplittableRandom(5);

        Architecture sampled = refined.sample(random);
        Architecture child = refined.mutate(sampled, random);

        assertThat(mixed.option(child, "act")).isEqualTo("gelu");
        assertThat(child.doubleGene(1)).isNotEqualTo(sampled.doubleGene(1));
        assertThat(refined.size()).isEqualTo(-1);
        assertThat(refined.allowedValues().get("lr")).isEmpty();
    }

    private static int differences(Architecture a, Architecture b) {
        int count = 0;
        for (int i = 0; i < a.genes().size(); i++) {
            if (!a.genes().get(i).equals(b.genes().get(i))) {
                count++;
            }
        }
        return count;
    }
}
