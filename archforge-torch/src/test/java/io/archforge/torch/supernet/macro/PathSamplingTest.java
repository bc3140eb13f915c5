package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uniform and fair path sampling of the macro supernet. */
class PathSamplingTest {
    private static final ChoiceSpace SPACE = MacroSpace.create();

    private static MacroSupernet supernet;

    @BeforeAll
    static void build() {
        supernet = new MacroSupernet(10, 2, new Shape(1, 1, 28, 28), 1);
    }

    @AfterAll
    static void close() {
        supernet.close();
    }

    @Test
    void sampleDrawsValidUniformArchitectures() {
        SplittableRandom random = new SplittableRandom(41);
        int draws = 6000;
        int[][] counts = new int[SPACE.choices().size()][];
        for (int choice = 0; choice < counts.length; choice++) {
            counts[choice] = new int[FairPaths.values(SPACE.choices().get(choice)).size()];
        }

        for (int i = 0; i < draws; i++) {
            Architecture architecture = supernet.sample(random);
            assertThat(SPACE.parse(architecture.text())).isEqualTo(architecture);
            supernet.select(architecture);
            countValues(architecture, counts);
        }

        // Each of n values is drawn draws/n times on average, with 5 standard deviations of slack
        for (int choice = 0; choice < counts.length; choice++) {
            int n = counts[choice].length;
            double expected = (double) draws / n;
            double slack = 5 * Math.sqrt(draws * (1.0 / n) * (1 - 1.0 / n));
            for (int value = 0; value < n; value++) {
                assertThat((double) counts[choice][value])
                        .as("draws of value %d of %s", value, SPACE.choices().get(choice).name())
                        .isBetween(expected - slack, expected + slack);
            }
        }
    }

    @Test
    void fairPathsCoverEveryValueEqually() {
        SplittableRandom random = new SplittableRandom(43);
        for (int round = 0; round < 20; round++) {
            List<Architecture> paths = supernet.fairPaths(random);
            int[][] counts = new int[SPACE.choices().size()][];
            for (int choice = 0; choice < counts.length; choice++) {
                counts[choice] = new int[FairPaths.values(SPACE.choices().get(choice)).size()];
            }
            for (Architecture path : paths) {
                assertThat(SPACE.parse(path.text())).isEqualTo(path);
                supernet.select(path);
                countValues(path, counts);
            }

            assertThat(paths).hasSize(6);
            for (int choice = 0; choice < counts.length; choice++) {
                int n = counts[choice].length;
                assertThat(counts[choice]).as("round %d, %s", round,
                        SPACE.choices().get(choice).name()).containsOnly(6 / n);
            }
        }
    }

    @Test
    void fairPathsPairValuesDifferently() {
        SplittableRandom random = new SplittableRandom(47);

        List<Architecture> first = supernet.fairPaths(random);
        List<Architecture> second = supernet.fairPaths(random);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void fairPathsUseLeastCommonMultiple() {
        ChoiceSpace space = new ChoiceSpace("pair", List.of(
                new Choice.IntRange("a", 0, 3, 1),
                new Choice.Categorical("b", List.of("p", "q", "r", "s", "t", "u"))));

        List<Architecture> paths = FairPaths.draw(space, new SplittableRandom(3));

        assertThat(paths).hasSize(12);
        for (int value = 0; value <= 3; value++) {
            int gene = value;
            assertThat(paths).filteredOn(p -> p.intGene(0) == gene).hasSize(3);
        }
        for (int option = 0; option < 6; option++) {
            int gene = option;
            assertThat(paths).filteredOn(p -> p.intGene(1) == gene).hasSize(2);
        }
    }

    @Test
    void fairPathsRejectRealChoices() {
        ChoiceSpace space = new ChoiceSpace("real", List.of(
                new Choice.FloatRange("rate", 0.1, 1.0, false)));

        assertThatThrownBy(() -> FairPaths.draw(space, new SplittableRandom(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rate' is real-valued");
    }

    /** Adds one to the count of the value each choice of {@code architecture} takes. */
    private static void countValues(Architecture architecture, int[][] counts) {
        for (int choice = 0; choice < counts.length; choice++) {
            List<Integer> values = FairPaths.values(SPACE.choices().get(choice));
            counts[choice][values.indexOf(architecture.intGene(choice))]++;
        }
    }
}
