package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the shipped resource against the CSV tables it was converted from. */
class Nb201TableSourceTest {

    @Test
    void resourceEqualsFreshConversion() throws IOException {
        Path source = Nb201SourceData.directoryWith(Nb201TableConverter.ACCURACY_FILE);
        Nb201SourceData.directoryWith(Nb201TableConverter.EPOCH12_FILE);
        Nb201SourceData.directoryWith(Nb201TableConverter.LATENCY_FILE);
        ByteArrayOutputStream converted = new ByteArrayOutputStream();
        Nb201TableFormat.write(Nb201TableConverter.convert(source), converted);
        byte[] shipped;
        try (InputStream in = Nb201Table.class.getResourceAsStream(Nb201Table.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertThat(converted.toByteArray()).isEqualTo(shipped);
    }

    @Test
    void valuesMatchLatencyCsv() throws IOException {
        Path source = Nb201SourceData.directoryWith(Nb201TableConverter.LATENCY_FILE);
        Nb201TableConverter.Csv csv = Nb201TableConverter.Csv.read(
                source.resolve(Nb201TableConverter.LATENCY_FILE));
        Nb201Table table = Nb201Table.load();
        for (String device : table.devices()) {
            double[] expected = csv.doubles(device + "_ms");
            for (int index = 0; index < table.size(); index++) {
                assertThat(table.latencyMs(index, device)).isEqualTo(expected[index]);
            }
        }
    }

    @Test
    void isoClassesMatchMergedTable() throws IOException {
        Path source = Nb201SourceData.directoryWith("nb201_merged.csv");
        Nb201TableConverter.Csv merged = Nb201TableConverter.Csv.read(
                source.resolve("nb201_merged.csv"));
        List<String> ids = merged.column("iso_class");
        Nb201Table table = Nb201Table.load();
        for (int index = 0; index < table.size(); index++) {
            assertThat(table.isoClass(index)).isEqualTo(Integer.parseInt(ids.get(index)));
        }
    }
}
