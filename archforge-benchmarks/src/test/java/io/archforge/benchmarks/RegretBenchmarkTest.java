package io.archforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegretBenchmarkTest {

    private static Nb201Table table;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
    }

    @Test
    void rowsCoverEveryStudyAndTrial() {
        RegretSettings settings = new RegretSettings(List.of("random", "evolution"),
                List.of(Nb201Dataset.CIFAR100, Nb201Dataset.IMAGENET16_120), 3, 30, 2);
        RegretBenchmark.Result result = new RegretBenchmark(table).run(settings);
        assertThat(result.rows()).hasSize(2 * 2 * 3 * 30);
        assertThat(result.rows().get(0).strategy()).isEqualTo("random");
        assertThat(result.rows().get(0).dataset()).isEqualTo(Nb201Dataset.CIFAR100);
        assertThat(result.rows().get(0).trial()).isEqualTo(1);
        assertThat(result.overheads()).extracting(SearchOverhead::strategy)
                .containsExactly("random", "evolution");
        assertThat(result.overheads()).allSatisfy(o -> assertThat(o.trials()).isEqualTo(180));
    }

    @Test
    void regretNeverRisesWithinStudy() {
        RegretSettings settings = new RegretSettings(List.of("evolution"),
                List.of(Nb201Dataset.CIFAR10), 2, 60, 1);
        List<RegretRow> rows = new RegretBenchmark(table).run(settings).rows();
        double optimum = table.bestTestAccuracy(Nb201Dataset.CIFAR10);
        for (int i = 1; i < rows.size(); i++) {
            RegretRow previous = rows.get(i - 1);
            RegretRow row = rows.get(i);
            assertThat(row.regret()).isEqualTo(optimum - row.bestSoFar());
            if (row.seed() == previous.seed()) {
                assertThat(row.regret()).isLessThanOrEqualTo(previous.regret());
            }
        }
    }

    @Test
    void rowsIndependentOfThreadCount() {
        List<String> strategies = List.of("random", "evolution");
        List<Nb201Dataset> datasets = List.of(Nb201Dataset.CIFAR10);
        List<RegretRow> serial = new RegretBenchmark(table)
                .run(new RegretSettings(strategies, datasets, 3, 40, 1)).rows();
        List<RegretRow> parallel = new RegretBenchmark(table)
                .run(new RegretSettings(strategies, datasets, 3, 40, 2)).rows();
        assertThat(parallel).isEqualTo(serial);
    }

    @Test
    void unknownStrategyIsRejected() {
        RegretSettings settings = new RegretSettings(List.of("annealing"),
                List.of(Nb201Dataset.CIFAR10), 1, 5, 1);
        assertThatThrownBy(() -> new RegretBenchmark(table).run(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annealing")
                .hasMessageContaining("random");
    }

    @Test
    void statisticsSummariseSeeds() {
        RegretSettings settings = new RegretSettings(List.of("random"),
                List.of(Nb201Dataset.CIFAR10), 4, 10, 1);
        List<RegretRow> rows = new RegretBenchmark(table).run(settings).rows();
        RegretStatistics.Summary best =
                RegretStatistics.bestSoFar(rows, "random", Nb201Dataset.CIFAR10, 10);
        RegretStatistics.Summary regret =
                RegretStatistics.regret(rows, "random", Nb201Dataset.CIFAR10, 10);
        assertThat(best.count()).isEqualTo(4);
        assertThat(best.mean() + regret.mean()).isCloseTo(
                table.bestTestAccuracy(Nb201Dataset.CIFAR10),
                org.assertj.core.api.Assertions.within(1e-9));
        RegretStatistics.Curve curve =
                RegretStatistics.curve(rows, "random", Nb201Dataset.CIFAR10, 10);
        assertThat(curve.mean()).hasSize(10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void summaryOfKnownSample() {
        RegretStatistics.Summary summary = RegretStatistics.summarize(new double[] {1, 2, 3, 4});
        assertThat(summary.mean()).isEqualTo(2.5);
        assertThat(summary.std()).isCloseTo(Math.sqrt(5.0 / 3),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
