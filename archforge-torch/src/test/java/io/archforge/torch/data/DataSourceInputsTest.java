package io.archforge.torch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.provenance.Checksums;
import io.archforge.provenance.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataSources#inputs} lists the files that {@link DataSources#load} reads. */
class DataSourceInputsTest {

    private static final List<String> NAMES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");

    @TempDir
    Path dir;

    @Test
    void shippedSubsetListsItsResources() {
        List<DataInput> inputs = DataSources.inputs("fashion-mnist", null, dir.resolve("absent"));

        assertThat(inputs).extracting(DataInput::name).containsExactlyElementsOf(NAMES);
        assertThat(inputs).allMatch(input -> input instanceof DataInput.Resource);
        assertThat(Checksums.sha256(inputs.get(0))).hasSize(64);
    }

    @Test
    void directoryListsItsFilesAsRead() throws IOException {
        List<DataInput> shipped =
                DataSources.inputs("fashion-mnist", null, dir.resolve("absent"));
        for (DataInput input : shipped) {
            try (InputStream in = input.open()) {
                Files.copy(in, dir.resolve(input.name()));
            }
        }

        List<DataInput> fromData = DataSources.inputs("fashion-mnist", dir);
        List<DataInput> fromIdx = DataSources.inputs("idx:" + dir, null);

        assertThat(fromData).containsExactlyElementsOf(fromIdx);
        assertThat(fromData).extracting(DataInput::location)
                .containsExactlyElementsOf(NAMES.stream()
                        .map(name -> dir.resolve(name).toAbsolutePath().toString()).toList());
        for (int i = 0; i < shipped.size(); i++) {
            assertThat(Checksums.sha256(fromData.get(i)))
                    .isEqualTo(Checksums.sha256(shipped.get(i)));
        }
        assertThat(DataSources.load("fashion-mnist", dir).train().size()).isEqualTo(6_000);
    }

    @Test
    void missingFileIsRejected() throws IOException {
        Files.writeString(dir.resolve("train-images-idx3-ubyte"), "x");

        assertThatThrownBy(() -> DataSources.inputs("idx:" + dir, null))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void unknownDatasetIsRejected() {
        assertThatThrownBy(() -> DataSources.inputs("mnist", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fashion-mnist or idx:DIR");
    }
}
