package io.archforge.store.jdbc;

import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.List;
import java.util.Map;

/** Study configurations shared by the tests of this package. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static StudyConfig study(String name) {
        return new StudyConfig(name, "nb201", "nb201", Map.of("dataset", "cifar10"), "random",
                Map.of(), List.of(Objective.maximize("accuracy"), Objective.minimize("params")),
                7L);
    }
}
