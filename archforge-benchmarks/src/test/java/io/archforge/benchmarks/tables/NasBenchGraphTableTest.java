package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.NasBenchGraphSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NasBenchGraphTableTest {

    private static final ChoiceSpace SPACE = NasBenchGraphSpace.create();
    private static NasBenchGraphTable cora;

    @BeforeAll
    static void load() {
        cora = NasBenchGraphTable.load("cora");
    }

    @Test
    void everyDataSetHasAllArchitectures() {
        for (String dataset : NasBenchGraphTable.DATASETS) {
            NasBenchGraphTable table = NasBenchGraphTable.load(dataset);

            assertThat(table.dataset()).isEqualTo(dataset);
            assertThat(table.architectures()).hasSize(26_206);
            assertThat(new HashSet<>(table.architectures())).hasSize(26_206);
            assertThat(table.architectures()).isEqualTo(cora.architectures());
        }
    }

    @Test
    void bestValidationAccuracyMatchesPublishedTables() {
        assertThat(best("cora")).isCloseTo(0.8193, within(5e-5));
        assertThat(best("citeseer")).isCloseTo(0.7280, within(5e-5));
        assertThat(best("pubmed")).isCloseTo(0.8113, within(5e-5));
    }

    @Test
    void coraTestAccuracyOfBestAndMaximum() {
        Architecture bestValid = cora.architectures().stream()
                .max(Comparator.comparingDouble(cora::value)).orElseThrow();
        double maxTest = cora.architectures().stream()
                .mapToDouble(cora::testAccuracy).max().orElseThrow();

        assertThat(cora.testAccuracy(bestValid)).isCloseTo(0.8263, within(5e-5));
        assertThat(maxTest).isCloseTo(0.8313, within(5e-5));
    }

    @Test
    void valuesAreFractionsAndCostsPositive() {
        for (Architecture architecture : cora.architectures()) {
            assertThat(cora.value(architecture)).isBetween(0.0, 1.0);
            assertThat(cora.testAccuracy(architecture)).isBetween(0.0, 1.0);
            assertThat(cora.latencySeconds(architecture)).isPositive();
            assertThat(cora.paramsMillions(architecture)).isPositive();
        }
    }

    @Test
    void proxiesServeParamsAndLatency() {
        Architecture first = cora.architectures().get(0);

        assertThat(cora.proxies()).containsOnlyKeys("params", "latency");
        assertThat(cora.proxies().get("params").score(first))
                .isEqualTo(cora.paramsMillions(first));
        assertThat(cora.proxies().get("latency").score(first))
                .isEqualTo(cora.latencySeconds(first));
        assertThat(cora.learningCurve()).isEmpty();
        assertThat(cora.metric()).isEqualTo("valid_accuracy");
    }

    @Test
    void hashRoundTripsAndFollowsPatternThenOperations() {
        Architecture architecture = NasBenchGraphSpace.of("0112",
                List.of("gcn", "gin", "fc", "skip"));

        // Pattern 6, then operations 1, 2, 7 and 8.
        assertThat(NasBenchGraphTable.hash(architecture)).isEqualTo(61278);
        assertThat(NasBenchGraphTable.decode(61278)).isEqualTo(architecture);
        for (Architecture listed : cora.architectures()) {
            assertThat(NasBenchGraphTable.decode(NasBenchGraphTable.hash(listed)))
                    .isEqualTo(listed);
        }
    }

    @Test
    void decodeRejectsDigitNine() {
        assertThatThrownBy(() -> NasBenchGraphTable.decode(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash 9");
        assertThatThrownBy(() -> NasBenchGraphTable.decode(90_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside [0, 89999]");
    }

    @Test
    void valueRejectsArchitecturesOutsideTable() {
        Set<Architecture> listed = new HashSet<>(cora.architectures());
        List<Architecture> missing = new ArrayList<>();
        for (int hash = 0; hash < 90_000; hash++) {
            if (hash % 10 != 9 && (hash / 10) % 10 != 9 && (hash / 100) % 10 != 9
                    && (hash / 1000) % 10 != 9) {
                Architecture architecture = NasBenchGraphTable.decode(hash);
                if (!listed.contains(architecture)) {
                    missing.add(architecture);
                }
            }
        }

        assertThat(missing).hasSize((int) SPACE.size() - 26_206);
        assertThatThrownBy(() -> cora.value(missing.get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not among the 26206");
    }

    @Test
    void rejectsUnknownDataSet() {
        assertThatThrownBy(() -> NasBenchGraphTable.load("arxiv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arxiv'")
                .hasMessageContaining("cora, citeseer, pubmed");
    }

    private static double best(String dataset) {
        NasBenchGraphTable table = NasBenchGraphTable.load(dataset);
        return table.architectures().stream().mapToDouble(table::value).max().orElseThrow();
    }
}
