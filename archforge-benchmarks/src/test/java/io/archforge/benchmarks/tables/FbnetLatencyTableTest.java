package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.FbnetSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FbnetLatencyTableTest {

    private static FbnetLatencyTable table;

    @BeforeAll
    static void load() {
        table = FbnetLatencyTable.load();
    }

    @Test
    void holdsFiveThousandDistinctArchitectures() {
        assertThat(table.size()).isEqualTo(5000);
        assertThat(new HashSet<>(table.architectures())).hasSize(5000);
        assertThat(table.architectures()).allMatch(a -> a.space().equals(FbnetSpace.NAME));
    }

    @Test
    void namesTwentySevenDevicesWithoutSuffix() {
        assertThat(table.devices()).hasSize(27).doesNotHaveDuplicates()
                .noneMatch(device -> device.endsWith("_ms"))
                .contains("eyeriss", "fpga", "raspi4", "pixel3", "2080ti_64", "titan_rtx_1");
        assertThat(table.devices()).noneMatch(device -> device.endsWith("_256"));
    }

    @Test
    void everyLatencyIsPositive() {
        for (int device = 0; device < table.devices().size(); device++) {
            for (int row = 0; row < table.size(); row++) {
                assertThat(table.latencyMs(row, device)).isPositive();
            }
        }
    }

    @Test
    void indexOfFindsEachRow() {
        for (int row : new int[] {0, 1234, 4999}) {
            Architecture architecture = table.architecture(row);
            assertThat(table.indexOf(architecture)).isEqualTo(row);
        }
    }

    @Test
    void unknownDeviceListsValidNames() {
        assertThatThrownBy(() -> table.latencyMs(0, "tpu9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tpu9'").hasMessageContaining("gold_6240");
    }

    @Test
    void matchesSourceCsvWithoutRounding() throws IOException {
        List<String> lines = Files.readAllLines(TableSourceData.file(
                "fbnet/fbnet_latency_27devices.csv"));

        assertThat(lines).hasSize(5001);
        for (int row = 0; row < 5000; row += 97) {
            String[] fields = lines.get(row + 1).split(",");
            List<String> blocks = List.of(fields[1].split(" "));
            assertThat(table.architecture(row).genes().stream().map(String::valueOf).toList())
                    .isEqualTo(blocks);
            for (int device = 0; device < 27; device++) {
                assertThat(table.latencyMs(row, device))
                        .isEqualTo(Double.parseDouble(fields[2 + device]));
            }
        }
    }
}
