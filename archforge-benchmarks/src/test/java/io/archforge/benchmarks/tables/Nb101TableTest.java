package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.encoding.Encoder;
import io.archforge.encoding.Encoding;
import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.Nb101Space;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb101TableTest {

    private static Nb101Table table;

    @BeforeAll
    static void load() {
        table = Nb101Table.load();
    }

    @Test
    void describesBenchmark() {
        assertThat(table.benchmark()).isEqualTo("nb101");
        assertThat(table.dataset()).isEqualTo("cifar10");
        assertThat(table.metric()).isEqualTo("valid_accuracy");
        assertThat(table.higherIsBetter()).isTrue();
        assertThat(table.space()).isEqualTo(Nb101Space.create());
        assertThat(table.learningCurve()).isEmpty();
    }

    @Test
    void loadsFiveHundredDistinctCells() {
        List<Architecture> architectures = table.architectures();

        assertThat(architectures).hasSize(500).doesNotHaveDuplicates();
        assertThat(architectures).allSatisfy(a -> assertThat(a.space()).isEqualTo("nb101"));
    }

    @Test
    void accuracyRangeInPercent() {
        double[] values = table.architectures().stream().mapToDouble(table::value).toArray();

        assertThat(Arrays.stream(values).min().orElseThrow()).isCloseTo(73.38, within(0.005));
        assertThat(Arrays.stream(values).max().orElseThrow()).isCloseTo(94.71, within(0.005));
    }

    @Test
    void everyCellIsValid() {
        assertThat(table.architectures()).allSatisfy(
                a -> assertThat(Nb101Space.isValid(a)).as(a.text()).isTrue());
    }

    @Test
    void proxiesIncludeCostsAndScores() {
        Map<String, ProxyScorer> proxies = table.proxies();

        assertThat(proxies).containsKeys("params", "flops", "synflow", "snip", "jacov");
        for (Map.Entry<String, ProxyScorer> proxy : proxies.entrySet()) {
            assertThat(proxy.getValue().name()).isEqualTo(proxy.getKey());
            for (Architecture architecture : table.architectures()) {
                assertThat(proxy.getValue().score(architecture)).isFinite();
            }
        }
    }

    @Test
    void cellsThatPruneAlikeHaveEqualParams() {
        ProxyScorer params = table.proxies().get("params");
        Map<Nb101Space.Cell, Double> byCell = new HashMap<>();
        int repeated = 0;
        for (Architecture architecture : table.architectures()) {
            Nb101Space.Cell cell = Nb101Space.prune(architecture).orElseThrow();
            Double earlier = byCell.putIfAbsent(cell, params.score(architecture));
            if (earlier != null) {
                repeated++;
                assertThat(params.score(architecture)).as(architecture.text())
                        .isEqualTo(earlier);
            }
        }
        assertThat(repeated).isPositive();
    }

    @Test
    void paramsGrowWithConvolutions() {
        // conv3x3 nodes carry the most weights and maxpool nodes none, so the
        // operation numbering is wrong if these correlations have the other sign.
        ProxyScorer params = table.proxies().get("params");
        List<Architecture> architectures = table.architectures();
        double[] parameterCounts = architectures.stream().mapToDouble(params::score).toArray();
        double[] conv3 = architectures.stream()
                .mapToDouble(a -> count(a, "conv3x3-bn-relu")).toArray();
        double[] pool = architectures.stream().mapToDouble(a -> count(a, "maxpool3x3")).toArray();

        assertThat(pearson(conv3, parameterCounts)).isPositive();
        assertThat(pearson(pool, parameterCounts)).isLessThan(pearson(conv3, parameterCounts));
    }

    @Test
    void everyCellEncodes() {
        for (Encoding encoding : Encoding.values()) {
            Encoder encoder = encoding.encoder(table.space());
            for (Architecture architecture : table.architectures()) {
                double[] features = encoder.encode(architecture);
                assertThat(features).hasSize(encoder.dimension());
                assertThat(Arrays.stream(features).sum()).as(encoding + " " + architecture)
                        .isPositive();
            }
        }
    }

    @Test
    void unknownCellRejected() {
        Architecture empty = Nb101Space.of(new boolean[7][7], List.of("conv3x3-bn-relu",
                "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu"));

        assertThatThrownBy(() -> table.value(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not in the table of 500 architectures");
        assertThatThrownBy(() -> table.proxies().get("synflow").score(empty))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long count(Architecture architecture, String operation) {
        return Nb101Space.prune(architecture).orElseThrow().labels().stream()
                .filter(operation::equals).count();
    }

    static double pearson(double[] x, double[] y) {
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
