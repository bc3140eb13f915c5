package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageContractTest;
import io.archforge.storage.StorageException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storage contract against a real SQLite file. */
class SqliteStorageContractTest extends StorageContractTest {

    @Override
    protected Storage newStorage(Path dir) {
        return Storages.open(dir.resolve("studies.db").toString());
    }

    @Test
    void locationIsTheFile() {
        assertThat(storage.location()).isEqualTo(dir.resolve("studies.db").toString());
    }

    @Test
    void closedStoreRejectsCalls() {
        storage.createStudy(config("s"));
        storage.close();

        assertThatThrownBy(() -> storage.trials("s"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> storage.createTrial("s", "a", 1L, Map.of()))
                .isInstanceOf(StorageException.class);
    }
}
