package io.archforge.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.app.cli.UsageException;
import io.archforge.app.refine.RefinementAttributes;
import io.archforge.app.refine.RefinementJson;
import io.archforge.refine.RefinerSettings;
import io.archforge.refine.Refinement;
import io.archforge.refine.SpaceRefiner;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudySpacesTest {

    private static final StudyConfig CONFIG = new StudyConfig("s", "nb201", "nb201",
            Map.of("dataset", "cifar10"), "evolution", Map.of(),
            List.of(Objective.maximize("test_accuracy")), 0);

    @Test
    void withoutRefinementSearchesBase() {
        SearchSpace space = StudySpaces.searched(CONFIG, Map.of("budget.trials", "10"));

        assertThat(space).isEqualTo(CellSpace.nb201());
    }

    @Test
    void storedRefinementNarrowsSpace() {
        Refinement refinement = refinement();

        SearchSpace space = StudySpaces.searched(CONFIG,
                Map.of(RefinementAttributes.REFINED_SPACE, RefinementJson.write(refinement)));

        assertThat(space).isInstanceOf(RefinedSpace.class);
        assertThat(space.size()).isEqualTo(refinement.sizeAfter()).isLessThan(15_625);
        assertThat(StudySpaces.parsing(CONFIG)).isEqualTo(CellSpace.nb201());
    }

    @Test
    void refinementOfOtherSpaceRejected() {
        StudyConfig macro = new StudyConfig("m", "macro", "train", Map.of(), "random",
                Map.of(), List.of(Objective.maximize("accuracy")), 0);
        Map<String, String> attributes =
                Map.of(RefinementAttributes.REFINED_SPACE, RefinementJson.write(refinement()));

        assertThatThrownBy(() -> StudySpaces.searched(macro, attributes))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("study 'm'")
                .hasMessageContaining("space 'nb201'")
                .hasMessageContaining("space 'macro'");
    }

    /** Returns a refinement that removes the zero operation from the first edge. */
    private static Refinement refinement() {
        SplittableRandom random = new SplittableRandom(3);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Architecture cell = CellSpace.nb201().sample(random);
            double accuracy = (cell.intGene(0) == 0 ? 50 : 90) + random.nextDouble();
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, cell.text(), i,
                    Map.of("test_accuracy", accuracy), List.of(), Map.of(), Instant.EPOCH,
                    Optional.of(Instant.EPOCH), Optional.empty()));
        }
        return new SpaceRefiner(RefinerSettings.withConfidence(0.95)).refine("source",
                CellSpace.nb201(), Objective.maximize("test_accuracy"), trials);
    }
}
