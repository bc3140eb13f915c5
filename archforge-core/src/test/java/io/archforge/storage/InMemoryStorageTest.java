package io.archforge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage newStorage(Path dir) {
        return new InMemoryStorage();
    }

    @Override
    protected boolean persistsAcrossReopen() {
        return false;
    }

    @Test
    void closedStoreRejectsCalls() {
        storage.createStudy(config("s"));
        storage.close();

        assertThatThrownBy(() -> storage.trials("s"))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> storage.createTrial("s", "a", 1L, Map.of()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void locationIsMemory() {
        assertThat(storage.location()).isEqualTo("memory");
    }
}
