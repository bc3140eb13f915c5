package io.archforge.web;

import io.archforge.space.CellSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A SQLite store with one NAS-Bench-201 study of a few complete trials, written through
 * the storage API without running a search, for tests that need a store but no results.
 */
final class SmallStore {

    private SmallStore() {
    }

    /** Creates {@code file} with study {@code name} of {@code trials} complete trials. */
    static Path create(Path file, String name, int trials) {
        try (Storage storage = Storages.open("sqlite:" + file)) {
            storage.createStudy(new StudyConfig(name, "nb201", "nb201",
                    Map.of("dataset", "cifar10"), "random", Map.of(),
                    List.of(Objective.maximize("accuracy")), 1));
            Random random = new Random(7);
            for (int i = 0; i < trials; i++) {
                String architecture = CellSpace.nb201().sample(random).text();
                int number = storage.createTrial(name, architecture, i, Map.of());
                storage.finishTrial(name, number, TrialState.COMPLETE,
                        Map.of("accuracy", 0.5 + i / 100.0), Map.of(), Optional.empty());
            }
        }
        return file;
    }
}
