package io.archforge.space.declared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SpaceDefinitionTest {

    @Provide
    Arbitrary<SpaceDefinition> definitions() {
        Arbitrary<ChoiceDefinition> categorical = Arbitraries.of("a", "b", "c", "d", "e")
                .list().uniqueElements().ofMinSize(1).ofMaxSize(4)
                .map(values -> new ChoiceDefinition.Categorical("x", values));
        Arbitrary<ChoiceDefinition> integer = Combinators.combine(
                Arbitraries.integers().between(-50, 50), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(1, 4))
                .as((low, width, step) -> new ChoiceDefinition.IntRange("x", low, low + width,
                        step));
        Arbitrary<ChoiceDefinition> real = Combinators.combine(
                Arbitraries.doubles().between(0.001, 10).ofScale(4),
                Arbitraries.doubles().between(0, 5).ofScale(4),
                Arbitraries.of(true, false))
                .as((low, width, log) -> new ChoiceDefinition.RealRange("x", low, low + width,
                        log));
        Arbitrary<List<ChoiceDefinition>> choices = Arbitraries.oneOf(categorical, integer, real)
                .list().ofMaxSize(4).map(SpaceDefinitionTest::renamed);
        Arbitrary<List<CellDefinition>> cells = Arbitraries.integers().between(2, 5)
                .map(nodes -> new CellDefinition("cell", nodes, List.of("conv", "skip")))
                .list().ofMaxSize(2).map(list -> {
                    List<CellDefinition> named = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        named.add(new CellDefinition("cell" + i, list.get(i).nodes(),
                                list.get(i).operations()));
                    }
                    return named;
                });
        return Combinators.combine(choices, cells)
                .as((c, k) -> c.isEmpty() && k.isEmpty()
                        ? new SpaceDefinition("d", List.of(
                                new ChoiceDefinition.IntRange("only", 0, 3, 1)), List.of())
                        : new SpaceDefinition("d", c, k));
    }

    private static List<ChoiceDefinition> renamed(List<ChoiceDefinition> choices) {
        List<ChoiceDefinition> named = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String name = "c" + i;
            ChoiceDefinition choice = choices.get(i);
            if (choice instanceof ChoiceDefinition.Categorical c) {
                named.add(new ChoiceDefinition.Categorical(name, c.values()));
            } else if (choice instanceof ChoiceDefinition.IntRange r) {
                named.add(new ChoiceDefinition.IntRange(name, r.low(), r.high(), r.step()));
            } else {
                ChoiceDefinition.RealRange r = (ChoiceDefinition.RealRange) choice;
                named.add(new ChoiceDefinition.RealRange(name, r.low(), r.high(), r.log()));
            }
        }
        return named;
    }

    @Property(tries = 200)
    void sampledArchitecturesParseBack(@ForAll("definitions") SpaceDefinition definition,
            @ForAll long seed) {
        ChoiceSpace space = definition.toSpace();
        SplittableRandom random = new SplittableRandom(seed);

        Architecture sampled = space.sample(random);
        Architecture parsed = space.parse(sampled.text());

        assertThat(parsed).isEqualTo(sampled);
        assertThat(definition.choiceValues(sampled)).hasSize(definition.choices().size());
        assertThat(definition.cellEdges(sampled).keySet()).hasSize(definition.cells().size());
        int edges = definition.cells().stream()
                .mapToInt(cell -> cell.nodes() * (cell.nodes() - 1) / 2).sum();
        assertThat(space.choices()).hasSize(definition.choices().size() + edges);
    }

    @Test
    void rejectsClashWithEdgeChoice() {
        List<ChoiceDefinition> choices = List.of(
                new ChoiceDefinition.IntRange("cell.0-1", 0, 1, 1));
        List<CellDefinition> cells = List.of(new CellDefinition("cell", 2, List.of("a")));

        assertThatThrownBy(() -> new SpaceDefinition("s", choices, cells))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares the name 'cell.0-1' twice");
    }

    @Test
    void rejectsNameWithSeparator() {
        List<ChoiceDefinition> choices = List.of(
                new ChoiceDefinition.Categorical("act", List.of("relu", "a,b")));

        assertThatThrownBy(() -> new SpaceDefinition("s", choices, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid value name 'a,b'");
    }

    @Test
    void rejectsValueWithControlCharacters() {
        List<ChoiceDefinition> choices = List.of(
                new ChoiceDefinition.Categorical("act", List.of("relu", "\u001b[31mred")));

        assertThatThrownBy(() -> new SpaceDefinition("s", choices, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid value name '\\u001b[31mred'")
                .hasMessageNotContaining("\u001b");
    }
}
