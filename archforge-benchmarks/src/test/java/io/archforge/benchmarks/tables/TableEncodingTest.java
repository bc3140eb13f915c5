package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.encoding.Encoder;
import io.archforge.encoding.Encoding;
import io.archforge.space.Architecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that every architecture of every table encodes under every encoding. */
class TableEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"nb101", "nb201", "nb301", "transnas101", "nasbench-graph"})
    void everyArchitectureEncodes(String benchmark) {
        ArchitectureTable table = ArchitectureTables.load(benchmark,
                ArchitectureTables.datasets(benchmark).get(0));
        for (Encoding encoding : Encoding.values()) {
            Encoder encoder = encoding.encoder(table.space());
            int nonZero = 0;
            for (Architecture architecture : table.architectures()) {
                double[] features = encoder.encode(architecture);

                int outside = 0;
                for (double feature : features) {
                    outside += feature >= 0 && feature <= 1 ? 0 : 1;
                    nonZero += feature != 0 ? 1 : 0;
                }

                assertThat(features).as("%s of %s", encoding, architecture)
                        .hasSize(encoder.dimension());
                assertThat(outside).as("%s features of %s outside [0, 1]", encoding,
                        architecture).isZero();
            }
            assertThat(nonZero).as("%s features set", encoding).isPositive();
        }
    }
}
