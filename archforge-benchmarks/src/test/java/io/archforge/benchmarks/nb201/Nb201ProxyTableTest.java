package io.archforge.benchmarks.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class Nb201ProxyTableTest {

    @Test
    void coversEveryCellWithFiniteScores() {
        Nb201ProxyTable table = Nb201ProxyTable.load();
        assertThat(table.size()).isEqualTo(Nb201Table.CELL_COUNT);
        for (int index = 0; index < table.size(); index++) {
            assertThat(table.synflow(index)).as("cell %d", index).isFinite()
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void agreesWithStoredSynflow() {
        // Archforge's initial weights differ from NASLib's draws, so scores agree in rank
        // and roughly in value, not exactly.
        Nb201ProxyTable table = Nb201ProxyTable.load();
        List<double[]> pairs = new ArrayList<>();
        for (Nb201ZeroCostTable.Row row
                : Nb201ZeroCostTable.load().rows(Nb201Dataset.CIFAR10)) {
            double stored = row.score("synflow");
            if (!Double.isNaN(stored)) {
                pairs.add(new double[] {table.synflow(row.index()), stored});
            }
        }
        double rho = new SpearmansCorrelation().correlation(
                pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
        assertThat(rho).isGreaterThan(0.95);
        for (double[] pair : pairs) {
            assertThat(pair[0]).isCloseTo(pair[1], within(3.0));
        }
    }

    @Test
    void ranksLikeTestAccuracy() {
        Nb201ProxyTable proxies = Nb201ProxyTable.load();
        Nb201Table table = Nb201Table.load();
        double[] synflow = new double[table.size()];
        double[] accuracy = new double[table.size()];
        for (int index = 0; index < table.size(); index++) {
            synflow[index] = proxies.synflow(index);
            accuracy[index] = table.testAccuracy(index, Nb201Dataset.CIFAR10);
        }
        assertThat(new SpearmansCorrelation().correlation(synflow, accuracy))
                .isGreaterThan(0.6);
    }
}
