package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyRepeatsTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Architecture FAVOURITE =
            NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                    + "+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    /** Proposes the same cell every time, whatever was evaluated. */
    private static final class Stubborn implements Strategy {
        final List<Boolean> sawEvaluated = new java.util.ArrayList<>();

        @Override
        public String name() {
            return "stubborn";
        }

        @Override
        public Architecture ask(AskContext context) {
            sawEvaluated.add(context.isEvaluated(FAVOURITE));
            return FAVOURITE;
        }

        @Override
        public void tell(FrozenTrial trial) {
        }
    }

    private static Study open(Strategy strategy) {
        StudyConfig config = new StudyConfig("repeats", "nb201", "synthetic", Map.of(),
                "stubborn", Map.of(), List.of(Objective.maximize("accuracy")), 4);
        return Study.open(new InMemoryStorage(), config, NB201, strategy);
    }

    private static long distinctCells(Study study) {
        return study.trials().stream()
                .map(t -> NB201.parse(t.architecture()).isomorphismKey()).distinct().count();
    }

    @Test
    void repeatIsReplacedByAnUnseenCell() {
        Study study = open(new Stubborn());

        study.optimize(new SyntheticEvaluator(), Budget.trials(5), StudyListener.NONE);

        assertThat(distinctCells(study)).isEqualTo(5);
        assertThat(study.trials().get(0).architecture()).isEqualTo(FAVOURITE.text());
        assertThat(study.trials().subList(1, 5)).allSatisfy(t -> assertThat(t.attributes())
                .containsEntry("replaced_repeat", FAVOURITE.text()));
    }

    @Test
    void declaredRepeatsAreEvaluatedAgain() {
        Stubborn strategy = new Stubborn();
        Study study = open(strategy);
        study.allowRepeats(true);

        study.optimize(new SyntheticEvaluator(), Budget.trials(4), StudyListener.NONE);

        assertThat(distinctCells(study)).isEqualTo(1);
        assertThat(strategy.sawEvaluated).containsOnly(false);
    }

    @Test
    void noisyEvaluatorAllowsRepeatsWhileItRuns() {
        Study study = open(new Stubborn());
        SyntheticEvaluator noisy = new SyntheticEvaluator() {
            @Override
            public boolean isNoisy() {
                return true;
            }
        };

        study.optimize(noisy, Budget.trials(3), StudyListener.NONE);

        assertThat(distinctCells(study)).isEqualTo(1);
        assertThat(study.repeatsAllowed()).isFalse();
        study.optimize(new SyntheticEvaluator(), Budget.trials(4), StudyListener.NONE);
        assertThat(distinctCells(study)).isEqualTo(2);
    }
}
