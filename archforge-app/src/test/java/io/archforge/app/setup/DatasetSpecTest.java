package io.archforge.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.app.cli.UsageException;
import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names a data set is shown and stored under. */
class DatasetSpecTest {

    @TempDir
    Path dir;

    @Test
    void idxDisplayNameKeepsForm() throws Exception {
        Path data = Files.createDirectories(dir.resolve("idx-plain"));

        DatasetSpec spec = DatasetSpec.parse(null, "idx:" + data, null, null);

        assertThat(spec.displayName()).isEqualTo("idx:" + data);
        assertThat(spec.label()).isEqualTo("idx-idx-plain");
    }

    @Test
    void namedDataSetsDisplayAsGiven() {
        assertThat(DatasetSpec.parse(null, "fashion-mnist", null, null).displayName())
                .isEqualTo("fashion-mnist");
        assertThat(DatasetSpec.parse("nb201", "cifar10", null, null).displayName())
                .isEqualTo("cifar10");
    }

    @Test
    void domainOptionOnImagesIsRejected() {
        assertThatThrownBy(() -> DatasetSpec.parse(null, "fashion-mnist", null, null, null,
                Map.of("--target", "OT"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--target OT does not apply to --dataset fashion-mnist;"
                        + " drop --target");
    }

    @Test
    void unknownBenchmarkListsTheTables() {
        assertThatThrownBy(() -> DatasetSpec.parse("nb999", "cifar10", null, null))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("nb201, nasbench-graph or hwgpt");
    }
}
