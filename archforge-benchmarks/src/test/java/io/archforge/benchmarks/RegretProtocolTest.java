package io.archforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regret rows under both search protocols, and the trials-to-optimum summary. */
class RegretProtocolTest {

    private static final int SEEDS = 8;
    private static final int TRIALS = 80;

    private static Nb201Table table;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
    }

    @Test
    void validationSignalPicksNoBetterTestCell() {
        // Random search draws the same cells whatever it maximises, so with the same
        // seeds the cell picked by test accuracy is never worse than the one picked by
        // 12-epoch validation accuracy.
        List<RegretRow> test = run(Nb201Protocol.TEST);
        List<RegretRow> valid = run(Nb201Protocol.VALID12);
        assertThat(valid).hasSameSizeAs(test);
        int strictlyBetter = 0;
        for (int i = 0; i < test.size(); i++) {
            RegretRow byTest = test.get(i);
            RegretRow byValid = valid.get(i);
            assertThat(byTest.testAccuracy()).isGreaterThanOrEqualTo(byValid.testAccuracy());
            assertThat(byTest.optimumFound()).isEqualTo(byValid.optimumFound());
            if (byTest.testAccuracy() > byValid.testAccuracy()) {
                strictlyBetter++;
            }
        }
        assertThat(strictlyBetter).isPositive();
    }

    @Test
    void validationRowsTrackSignalAndRegret() {
        double optimum = table.bestTestAccuracy(Nb201Dataset.CIFAR100);
        List<RegretRow> rows = run(Nb201Protocol.VALID12);
        for (int i = 1; i < rows.size(); i++) {
            RegretRow row = rows.get(i);
            assertThat(row.regret()).isCloseTo(optimum - row.testAccuracy(), within(1e-9));
            if (row.trial() > 1) {
                RegretRow previous = rows.get(i - 1);
                assertThat(row.bestSoFar()).isGreaterThanOrEqualTo(previous.bestSoFar());
                if (previous.optimumFound()) {
                    assertThat(row.optimumFound()).isTrue();
                }
            }
        }
        // 12-epoch validation accuracy is far below 200-epoch test accuracy.
        assertThat(rows).anySatisfy(row ->
                assertThat(row.bestSoFar()).isLessThan(row.testAccuracy() - 1));
    }

    @Test
    void trialsToOptimumCapsMissingSeeds() {
        Nb201Dataset data = Nb201Dataset.CIFAR10;
        List<RegretRow> rows = List.of(
                new RegretRow("random", data, 0, 1, 90, 90, 4, false),
                new RegretRow("random", data, 0, 2, 91, 91, 3, false),
                new RegretRow("random", data, 0, 3, 94, 94, 0, true),
                new RegretRow("random", data, 0, 4, 94, 94, 0, true),
                new RegretRow("random", data, 1, 1, 90, 90, 4, false),
                new RegretRow("random", data, 1, 2, 90, 90, 4, false),
                new RegretRow("random", data, 1, 3, 90, 90, 4, false),
                new RegretRow("random", data, 1, 4, 90, 90, 4, false),
                new RegretRow("evolution", data, 0, 1, 94, 94, 0, true));

        RegretStatistics.TrialsToOptimum result =
                RegretStatistics.trialsToOptimum(rows, "random", data, 4);

        assertThat(result.trials().mean()).isEqualTo(3.5);
        assertThat(result.trials().count()).isEqualTo(2);
        assertThat(result.notFound()).isEqualTo(0.5);
    }

    @Test
    void overheadExcludesTheLookUp() {
        RegretSettings settings = new RegretSettings(List.of("random"),
                List.of(Nb201Dataset.CIFAR10), 2, 50, 1, Nb201Protocol.VALID12);
        RegretBenchmark.Result result = new RegretBenchmark(table).run(settings);
        SearchOverhead overhead = result.overheads().get(0);
        assertThat(overhead.trials()).isEqualTo(100);
        assertThat(overhead.meanMicros()).isPositive()
                .isLessThanOrEqualTo(overhead.maxMicros());
        assertThat(overhead.meanMillis()).isEqualTo(overhead.meanMicros() / 1e3);
    }

    private static List<RegretRow> run(Nb201Protocol protocol) {
        RegretSettings settings = new RegretSettings(List.of("random"),
                List.of(Nb201Dataset.CIFAR100), SEEDS, TRIALS, 2, protocol);
        return new RegretBenchmark(table).run(settings).rows();
    }
}
