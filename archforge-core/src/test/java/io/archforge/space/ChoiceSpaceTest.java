package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceSpaceTest {

    private static final ChoiceSpace SPACE = new ChoiceSpace("toy", List.of(
            new Choice.Categorical("act", List.of("relu", "gelu", "tanh")),
            new Choice.IntRange("layers", 2, 8, 2),
            new Choice.FloatRange("lr", 1e-4, 1e-1, true)));

    @Test
    void printsNameValuePairsInChoiceOrder() {
        Architecture architecture = SPACE.of(List.of(1, 6, 0.003));

        assertThat(architecture.text()).isEqualTo("act=gelu,layers=6,lr=0.003");
        assertThat(architecture.isomorphismKey()).isEqualTo(architecture.text());
        assertThat(SPACE.parse(architecture.text())).isEqualTo(architecture);
    }

    @Test
    void parseAcceptsAnyOrderAndPrintsCanonically() {
        Architecture architecture = SPACE.parse("lr=1.0E-4,act=tanh,layers=2");

        assertThat(architecture.genes()).containsExactly(2, 2, 1.0E-4);
        assertThat(architecture.text()).isEqualTo("act=tanh,layers=2,lr=1.0E-4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';it is empty",
        "act=relu,layers=2;missing choices [lr]",
        "act=relu,layers=2,lr=0.01,depth=3;"
                + "unknown choice 'depth'; valid choices are [act, layers, lr]",
        "act=relu,act=gelu,layers=2,lr=0.01;choice 'act' appears twice",
        "act=swish,layers=2,lr=0.01;"
                + "invalid value 'swish' for choice 'act': expected one of [relu, gelu, tanh]",
        "act=relu,layers=3,lr=0.01;expected an integer from 2 to 8 in steps of 2",
        "act=relu,layers=two,lr=0.01;invalid value 'two' for choice 'layers'",
        "act=relu,layers=2,lr=0.5;expected a number from 1.0E-4 to 0.1",
        "act=relu,layers=2,lr=NaN;invalid value 'NaN' for choice 'lr'",
        "act=relu,layers2,lr=0.01;'layers2' is not of the form name=value",
    })
    void parseErrorsNameTheProblem(String text, String expectedMessage) {
        assertThatThrownBy(() -> SPACE.parse(text))
                .isInstanceOf(ArchitectureFormatException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void ofValidatesGenes() {
        assertThatThrownBy(() -> SPACE.of(List.of(3, 2, 0.01)))
                .hasMessageContaining("choice 'act'").hasMessageContaining("from 0 to 2");
        assertThatThrownBy(() -> SPACE.of(List.of(0, 2)))
                .hasMessageContaining("needs 3 genes");
        assertThat(SPACE.of(List.of(0L, 4, 0.0625f)).genes()).containsExactly(0, 4, 0.0625);
    }

    @Test
    void sizeIsProductOrMinusOne() {
        ChoiceSpace discrete = new ChoiceSpace("d", List.of(
                new Choice.Categorical("a", List.of("x", "y", "z")),
                new Choice.IntRange("b", 1, 9, 2)));

        assertThat(discrete.size()).isEqualTo(15);
        assertThat(SPACE.size()).isEqualTo(-1);
    }

    @Test
    void neighboursChangeOneChoice() {
        Architecture center = SPACE.parse("act=relu,layers=4,lr=0.01");

        List<Architecture> neighbours = SPACE.neighbours(center);

        assertThat(neighbours).hasSize(7);
        assertThat(neighbours).extracting(Architecture::text).contains(
                "act=gelu,layers=4,lr=0.01", "act=tanh,layers=4,lr=0.01",
                "act=relu,layers=2,lr=0.01", "act=relu,layers=6,lr=0.01",
                "act=relu,layers=8,lr=0.01");
    }

    @Test
    void neighboursStepRealChoiceTenth() {
        Architecture center = SPACE.parse("act=relu,layers=4,lr=0.01");
        double factor = Math.pow(1000, 0.1);

        List<Double> rates = SPACE.neighbours(center).stream()
                .filter(n -> n.intGene(0) == 0 && n.intGene(1) == 4)
                .map(n -> n.doubleGene(2)).sorted().toList();

        assertThat(rates).hasSize(2);
        assertThat(rates.get(0)).isCloseTo(0.01 / factor, within(1e-12));
        assertThat(rates.get(1)).isCloseTo(0.01 * factor, within(1e-12));
    }

    @Test
    void neighboursOfARealChoiceStayInItsBounds() {
        Architecture atTop = SPACE.parse("act=relu,layers=4,lr=0.1");

        List<Double> rates = SPACE.neighbours(atTop).stream()
                .filter(n -> n.intGene(0) == 0 && n.intGene(1) == 4)
                .map(n -> n.doubleGene(2)).toList();

        assertThat(rates).hasSize(1);
        assertThat(rates.get(0)).isLessThan(0.1).isGreaterThanOrEqualTo(1e-4);
    }

    @Test
    void mutateChangesOneChoice() {
        SplittableRandom random = new SplittableRandom(5);
        Architecture parent = SPACE.parse("act=relu,layers=4,lr=0.01");
        int[] changed = new int[3];

        for (int i = 0; i < 3000; i++) {
            Architecture child = SPACE.mutate(parent, random);
            int differing = 0;
            for (int g = 0; g < 3; g++) {
                if (!child.genes().get(g).equals(parent.genes().get(g))) {
                    differing++;
                    changed[g]++;
                }
            }
            assertThat(differing).isEqualTo(1);
            assertThat(SPACE.parse(child.text())).isEqualTo(child);
        }

        // 1000 expected per choice, standard deviation 26.
        for (int count : changed) {
            assertThat(count).isBetween(880, 1120);
        }
    }

    @Test
    void logUniformSampling() {
        SplittableRandom random = new SplittableRandom(9);
        int belowOneThousandth = 0;
        int draws = 3000;

        for (int i = 0; i < draws; i++) {
            double lr = SPACE.sample(random).doubleGene(2);
            assertThat(lr).isBetween(1e-4, 1e-1);
            if (lr < 1e-3) {
                belowOneThousandth++;
            }
        }

        // Log-uniform over three decades puts a third below 1e-3; uniform would put 0.9 %.
        assertThat(belowOneThousandth).isBetween(900, 1100);
    }

    @Test
    void mutateNeedsAChoiceWithTwoValues() {
        ChoiceSpace fixed = new ChoiceSpace("fixed", List.of(
                new Choice.Categorical("a", List.of("only")), new Choice.IntRange("b", 3, 3, 1)));
        Architecture only = fixed.parse("a=only,b=3");

        assertThatThrownBy(() -> fixed.mutate(only, new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no choice with two or more values");
        assertThat(fixed.size()).isEqualTo(1);
    }

    @Test
    void constructorValidatesNames() {
        Choice a = new Choice.IntRange("a", 0, 1, 1);

        assertThatThrownBy(() -> new ChoiceSpace("s", List.of(a, a)))
                .hasMessageContaining("repeats the choice 'a'");
        Choice badName = new Choice.IntRange("a=b", 0, 1, 1);
        assertThatThrownBy(() -> new ChoiceSpace("s", List.of(badName)))
                .hasMessageContaining("'a=b'");
        assertThatThrownBy(() -> new ChoiceSpace("s",
                List.of(new Choice.Categorical("c", List.of("x,y")))))
                .hasMessageContaining("'x,y'");
        assertThatThrownBy(() -> new ChoiceSpace("s", List.of()))
                .hasMessageContaining("needs a choice");
    }

    @Test
    void typedAccessors() {
        Architecture architecture = SPACE.parse("act=tanh,layers=8,lr=0.05");

        assertThat(SPACE.option(architecture, "act")).isEqualTo("tanh");
        assertThat(SPACE.intValue(architecture, "layers")).isEqualTo(8);
        assertThat(SPACE.doubleValue(architecture, "lr")).isEqualTo(0.05);
        assertThatThrownBy(() -> SPACE.intValue(architecture, "act"))
                .hasMessageContaining("not an integer choice");
        assertThatThrownBy(() -> SPACE.option(architecture, "width"))
                .hasMessageContaining("no choice 'width'");
    }
}
