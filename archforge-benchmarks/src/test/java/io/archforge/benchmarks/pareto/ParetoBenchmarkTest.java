package io.archforge.benchmarks.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.space.Architecture;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParetoBenchmarkTest {

    private static final List<String> STRATEGIES =
            List.of("nsga2", "mo-evolution", "mo-bo", "random");

    private static Nb201Table table;
    private static ParetoBenchmark benchmark;

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
        benchmark = new ParetoBenchmark(table);
    }

    @Test
    void rowsCoverEveryCheckpoint() {
        ParetoSettings settings = new ParetoSettings(List.of(Nb201Dataset.CIFAR100), STRATEGIES,
                2, 30, 2, List.of(10, 20, 30));
        ParetoBenchmark.Result result = benchmark.run(settings);

        assertThat(result.runs()).hasSize(STRATEGIES.size() * 2);
        assertThat(result.rows()).hasSize(STRATEGIES.size() * 2 * 3);
        assertThat(result.rows()).extracting(ParetoRow::trials)
                .containsSequence(10, 20, 30, 10, 20, 30);
        for (ParetoRow row : result.rows()) {
            assertThat(row.measures().igd()).as("IGD of %s", row).isNotNegative();
            assertThat(row.measures().igdPlus()).as("IGD+ of %s", row).isNotNegative();
            assertThat(row.measures().hypervolumeRatio()).as("ratio of %s", row)
                    .isPositive().isLessThanOrEqualTo(1.0);
        }
        assertThat(result.summaries()).hasSize(STRATEGIES.size() * 3);
    }

    @Test
    void measuresNeverWorsenWithinStudy() {
        ParetoSettings settings = new ParetoSettings(List.of(Nb201Dataset.IMAGENET16_120),
                List.of("nsga2", "random"), 2, 60, 1);
        for (ParetoRun run : benchmark.run(settings).runs()) {
            for (int i = 1; i < run.rows().size(); i++) {
                FrontMeasures before = run.rows().get(i - 1).measures();
                FrontMeasures after = run.rows().get(i).measures();
                // The later Pareto set weakly dominates the earlier one, and both
                // indicators respect that; plain IGD need not.
                assertThat(after.hypervolume()).isGreaterThanOrEqualTo(before.hypervolume());
                assertThat(after.igdPlus()).isLessThanOrEqualTo(before.igdPlus());
            }
        }
    }

    @Test
    void rowsIndependentOfThreadCount() {
        List<Nb201Dataset> datasets = List.of(Nb201Dataset.CIFAR10);
        List<ParetoRow> serial = benchmark
                .run(new ParetoSettings(datasets, STRATEGIES, 2, 30, 1)).rows();
        List<ParetoRow> parallel = benchmark
                .run(new ParetoSettings(datasets, STRATEGIES, 2, 30, 2)).rows();
        assertThat(parallel).isEqualTo(serial);
    }

    @Test
    void studyOfTrueFrontMeasuresPerfect() {
        TrueFront front = benchmark.trueFront(Nb201Dataset.CIFAR10);
        List<Architecture> cells = front.points().stream()
                .map(p -> table.architecture(p.cell())).toList();
        // The study evaluates each isomorphism class once, so the cells must differ.
        assertThat(cells.stream().map(Architecture::isomorphismKey).distinct())
                .hasSameSizeAs(cells);

        ParetoRun run = benchmark.runStudy(Nb201Dataset.CIFAR10, "replay",
                new Replay(cells), 0, List.of(cells.size()));

        assertThat(run.front()).containsExactlyElementsOf(front.points());
        assertThat(run.last().measures().igd()).isZero();
        assertThat(run.last().measures().igdPlus()).isZero();
        assertThat(run.last().measures().hypervolumeRatio()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void medianRunHasMiddleRatio() {
        ParetoBenchmark.Result result = benchmark.run(new ParetoSettings(
                List.of(Nb201Dataset.CIFAR10), List.of("random"), 5, 20, 2));
        double[] ratios = result.runs().stream()
                .mapToDouble(r -> r.last().measures().hypervolumeRatio()).sorted().toArray();

        ParetoRun median = result.medianRun(Nb201Dataset.CIFAR10, "random");

        assertThat(median.last().measures().hypervolumeRatio()).isEqualTo(ratios[2]);
        assertThat(median.front()).isNotEmpty();
    }

    @Test
    void settingsRejectUnknownStrategy() {
        assertThatThrownBy(() -> new ParetoSettings(List.of(Nb201Dataset.CIFAR10),
                List.of("tpe"), 1, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tpe'").hasMessageContaining("nsga2");
    }

    @Test
    void settingsRejectCheckpointsPastTrials() {
        assertThatThrownBy(() -> new ParetoSettings(List.of(Nb201Dataset.CIFAR10),
                List.of("random"), 1, 10, 1, List.of(5, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[5, 20]");
    }

    @Test
    void defaultCheckpointsEndAtTrials() {
        assertThat(ParetoSettings.defaultCheckpoints(35)).containsExactly(10, 20, 30, 35);
        assertThat(ParetoSettings.defaultCheckpoints(20)).containsExactly(10, 20);
        assertThat(ParetoSettings.defaultCheckpoints(4)).containsExactly(4);
    }

    /** Proposes fixed cells in order. */
    private static final class Replay implements Strategy {

        private final List<Architecture> cells;
        private int next;

        Replay(List<Architecture> cells) {
            this.cells = cells;
        }

        @Override
        public String name() {
            return "replay";
        }

        @Override
        public Architecture ask(AskContext context) {
            return cells.get(next++);
        }

        @Override
        public void tell(FrozenTrial trial) {
        }
    }
}
