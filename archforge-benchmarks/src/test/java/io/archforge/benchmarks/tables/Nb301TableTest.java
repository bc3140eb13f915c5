package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.encoding.Encoder;
import io.archforge.encoding.Encoding;
import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.DartsSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb301TableTest {

    private static Nb301Table table;

    @BeforeAll
    static void load() {
        table = Nb301Table.load();
    }

    @Test
    void describesBenchmark() {
        assertThat(table.benchmark()).isEqualTo("nb301");
        assertThat(table.dataset()).isEqualTo("cifar10");
        assertThat(table.metric()).isEqualTo("valid_accuracy");
        assertThat(table.higherIsBetter()).isTrue();
        assertThat(table.space()).isEqualTo(DartsSpace.create());
        assertThat(table.learningCurve()).isEmpty();
    }

    @Test
    void loadsDistinctArchitectures() {
        assertThat(table.architectures()).hasSize(725).doesNotHaveDuplicates();
    }

    @Test
    void accuracyRangeInPercent() {
        double[] values = table.architectures().stream().mapToDouble(table::value).toArray();

        assertThat(Arrays.stream(values).min().orElseThrow()).isCloseTo(91.24, within(0.005));
        assertThat(Arrays.stream(values).max().orElseThrow()).isCloseTo(94.49, within(0.005));
    }

    @Test
    void nodesReadDistinctInputs() {
        assertThat(table.architectures()).allSatisfy(
                a -> assertThat(DartsSpace.isValid(a)).as(a.text()).isTrue());
    }

    @Test
    void proxiesIncludeCostsAndScores() {
        Map<String, ProxyScorer> proxies = table.proxies();

        assertThat(proxies).containsKeys("params", "flops", "synflow", "nwot", "snip");
        for (Map.Entry<String, ProxyScorer> proxy : proxies.entrySet()) {
            assertThat(proxy.getValue().name()).isEqualTo(proxy.getKey());
            for (Architecture architecture : table.architectures()) {
                assertThat(proxy.getValue().score(architecture)).isFinite();
            }
        }
    }

    @Test
    void paramsGrowWithSeparableConvolutions() {
        // Separable convolutions carry weights and pools none, so the
        // operation numbering is wrong if these correlations have the other sign.
        ProxyScorer params = table.proxies().get("params");
        List<Architecture> architectures = table.architectures();
        double[] parameterCounts = architectures.stream().mapToDouble(params::score).toArray();
        double[] separable = architectures.stream()
                .mapToDouble(a -> count(a, op -> op.startsWith("sep_conv"))).toArray();
        double[] pools = architectures.stream()
                .mapToDouble(a -> count(a, op -> op.endsWith("pool_3x3"))).toArray();

        assertThat(Nb101TableTest.pearson(separable, parameterCounts)).isPositive();
        assertThat(Nb101TableTest.pearson(pools, parameterCounts)).isNegative();
    }

    @Test
    void everyArchitectureEncodes() {
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
    void unknownArchitectureRejected() {
        List<DartsSpace.Edge> skips = List.of(
                new DartsSpace.Edge(0, "skip_connect"), new DartsSpace.Edge(1, "skip_connect"),
                new DartsSpace.Edge(0, "skip_connect"), new DartsSpace.Edge(1, "skip_connect"),
                new DartsSpace.Edge(0, "skip_connect"), new DartsSpace.Edge(1, "skip_connect"),
                new DartsSpace.Edge(0, "skip_connect"), new DartsSpace.Edge(1, "skip_connect"));
        Architecture allSkips = DartsSpace.of(skips, skips);

        assertThat(table.architectures()).doesNotContain(allSkips);
        assertThatThrownBy(() -> table.value(allSkips))
                .hasMessageContaining("is not in the table of 725 architectures");
    }

    private static long count(Architecture architecture, Predicate<String> operation) {
        long count = 0;
        for (int cell = 0; cell < DartsSpace.CELLS.size(); cell++) {
            count += DartsSpace.edges(architecture, cell).stream()
                    .map(DartsSpace.Edge::operation).filter(operation).count();
        }
        return count;
    }
}
