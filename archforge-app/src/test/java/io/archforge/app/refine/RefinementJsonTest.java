package io.archforge.app.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.RefinerSettings;
import io.archforge.refine.Refinement;
import io.archforge.refine.SpaceRefiner;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RefinementJsonTest {

    private static final Objective LOSS = Objective.minimize("loss");

    @Test
    void roundTripKeepsEveryField() {
        RefinedSpace searched = RefinedSpace.restrict(CellSpace.nb201(),
                Map.of("1->2", List.of("nor_conv_3x3", "skip_connect", "none")));
        Refinement refinement = refine(searched, 120);

        Refinement read = RefinementJson.read(RefinementJson.write(refinement));

        assertThat(read).isEqualTo(refinement);
        assertThat(read.choices().get(2).values().get(2).pValue()).isNaN();
        assertThat(read.apply(CellSpace.nb201())).isEqualTo(refinement.apply(searched));
    }

    @Test
    void realChoiceRoundTrips() {
        ChoiceSpace mixed = new ChoiceSpace("mixed", List.of(
                new Choice.Categorical("act", List.of("relu", "gelu", "tanh")),
                new Choice.IntRange("layers", 1, 4, 1),
                new Choice.FloatRange("lr", 1e-4, 1.0, true)));
        Refinement refinement = refine(mixed, 60);

        Refinement read = RefinementJson.read(RefinementJson.write(refinement));

        assertThat(read).isEqualTo(refinement);
        assertThat(read.choices().get(2).kind()).isEqualTo(ChoiceEvidence.Kind.REAL);
        assertThat(RefinementJson.toJson(read).get("size_after").isNull()).isTrue();
    }

    @Test
    void missingKeyNamed() {
        String json = RefinementJson.write(refine(CellSpace.nb201(), 40))
                .replace("\"top_trials\":", "\"top\":");

        assertThatThrownBy(() -> RefinementJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing key 'top_trials'");
    }

    @Test
    void notJsonRejected() {
        assertThatThrownBy(() -> RefinementJson.read("{refined"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    /** Refines {@code space} from random trials valued by a seeded generator. */
    private static Refinement refine(SearchSpace space, int count) {
        SplittableRandom random = new SplittableRandom(count);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Architecture architecture = space.sample(random);
            double loss = architecture.intGene(0) == 0 ? 5 + random.nextDouble()
                    : random.nextDouble();
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, architecture.text(), i,
                    Map.of("loss", loss), List.of(), Map.of(), Instant.EPOCH,
                    Optional.of(Instant.EPOCH), Optional.empty()));
        }
        return new SpaceRefiner(RefinerSettings.withConfidence(0.9))
                .refine("json", space, LOSS, trials);
    }
}
