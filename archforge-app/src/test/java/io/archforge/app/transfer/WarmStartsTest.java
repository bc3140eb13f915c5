package io.archforge.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.app.cli.UsageException;
import io.archforge.eval.Evaluation;
import io.archforge.space.RecipeSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.RandomSearch;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import io.archforge.transfer.TransferredTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmStartsTest {

    private static final Objective ACCURACY = Objective.maximize("accuracy");

    private static StudyConfig config(String name, String epochs) {
        return new StudyConfig(name, RecipeSpace.NAME, "training",
                Map.of("epochs", epochs), "random", Map.of(), List.of(ACCURACY), 1);
    }

    /** Runs {@code trials} random trials of a tuned study whose epochs range from 1 to 3. */
    private static InMemoryStorage storeWithSource(int trials) {
        InMemoryStorage storage = new InMemoryStorage();
        StudyConfig source = config("wide", "3");
        SearchSpace space = RecipeSpace.fromOptions(source.evaluatorOptions(), true);
        Study study = Study.open(storage, source, space, new RandomSearch());
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            study.tell(trial, Evaluation.of(Map.of("accuracy", 50.0 + i)));
        }
        return storage;
    }

    @Test
    void sourceTrialsOutsideTheSpaceAreLeftOut() {
        try (InMemoryStorage storage = storeWithSource(40)) {
            StudyConfig target = config("narrow", "1");
            SearchSpace space = RecipeSpace.fromOptions(target.evaluatorOptions(), true);

            WarmStarts warm = WarmStarts.resolve(storage, target, space, Map.of(),
                    List.of("wide")).orElseThrow();

            List<TransferredTrial> kept = warm.transfer().sources().get(0).trials();
            assertThat(kept).isNotEmpty().hasSizeLessThan(40);
            assertThat(kept).allSatisfy(t -> assertThat(RecipeSpace.split(t.architecture())
                    .hyperparameters().epochs()).hasValue(1));
        }
    }

    @Test
    void sourceWithTooFewFittingTrialsIsRejected() {
        try (InMemoryStorage storage = storeWithSource(1)) {
            StudyConfig target = config("narrow", "1");
            SearchSpace space = RecipeSpace.fromOptions(target.evaluatorOptions(), true);

            assertThatThrownBy(() -> WarmStarts.resolve(storage, target, space, Map.of(),
                    List.of("wide"))).isInstanceOf(UsageException.class)
                    .hasMessageContaining("inside this study's space");
        }
    }
}
