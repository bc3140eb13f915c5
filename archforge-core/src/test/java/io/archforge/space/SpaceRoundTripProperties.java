package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SpaceRoundTripProperties {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final ChoiceSpace MIXED = new ChoiceSpace("mixed", List.of(
            new Choice.Categorical("act", List.of("relu", "gelu")),
            new Choice.IntRange("units", -64, 64, 8),
            new Choice.FloatRange("lr", 1e-6, 1.0, true),
            new Choice.FloatRange("dropout", 0.0, 0.9, false)));

    @Property
    void cellStringRoundTrip(@ForAll @Size(6) List<@IntRange(min = 0, max = 4) Integer> genes) {
        Architecture cell = NB201.of(genes);

        Architecture parsed = NB201.parse(cell.text());

        assertThat(parsed).isEqualTo(cell);
        assertThat(parsed.text()).isEqualTo(cell.text());
        assertThat(parsed.isomorphismKey()).isEqualTo(cell.isomorphismKey());
    }

    @Property
    void cellCanonicalKeepsTheKey(
            @ForAll @Size(6) List<@IntRange(min = 0, max = 4) Integer> genes) {
        Architecture cell = NB201.of(genes);

        Architecture canonical = NB201.canonical(cell);

        assertThat(canonical.isomorphismKey()).isEqualTo(cell.isomorphismKey());
        assertThat(NB201.canonical(canonical)).isEqualTo(canonical);
    }

    @Property
    void choiceStringRoundTrip(@ForAll("mixedGenes") List<Number> genes) {
        Architecture architecture = MIXED.of(genes);

        Architecture parsed = MIXED.parse(architecture.text());

        assertThat(parsed).isEqualTo(architecture);
        assertThat(parsed.genes()).isEqualTo(architecture.genes());
    }

    @Property
    void macroStringRoundTrip(@ForAll long seed) {
        ChoiceSpace macro = MacroSpace.create();
        Architecture architecture = macro.sample(new java.util.SplittableRandom(seed));

        assertThat(macro.parse(architecture.text())).isEqualTo(architecture);
    }

    @Provide
    Arbitrary<List<Number>> mixedGenes() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(-8, 8).map(k -> k * 8),
                Arbitraries.doubles().between(1e-6, 1.0).ofScale(17),
                Arbitraries.doubles().between(0.0, 0.9).ofScale(17))
                .as((act, units, lr, dropout) -> List.<Number>of(act, units, lr, dropout));
    }
}
