package io.archforge.benchmarks.predictors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.benchmarks.tables.ArchitectureTable;
import io.archforge.benchmarks.tables.ArchitectureTables;
import io.archforge.encoding.Encoding;
import io.archforge.predictor.Prediction;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PredictorBenchmarkTest {

    private static final ArchitectureTable NB201 = ArchitectureTables.load("nb201", "cifar10");

    @Test
    void heldOutSetIsSharedAndDisjointFromTraining() {
        PredictorBenchmark first = new PredictorBenchmark(NB201, 200);
        PredictorBenchmark second = new PredictorBenchmark(NB201, 200);

        assertThat(first.testSet()).hasSize(200).isEqualTo(second.testSet());
        Set<Architecture> test = new HashSet<>(first.testSet());
        assertThat(first.trainingSet(205, 4)).noneMatch(test::contains);
    }

    @Test
    void trainingSetsAreNestedPerSeedAndDifferAcrossSeeds() {
        PredictorBenchmark bench = new PredictorBenchmark(NB201, 200);

        List<Architecture> small = bench.trainingSet(24, 1);
        List<Architecture> large = bench.trainingSet(100, 1);

        assertThat(large.subList(0, 24)).isEqualTo(small);
        assertThat(bench.trainingSet(24, 2)).isNotEqualTo(small);
    }

    @Test
    void nb101RowsThatPruneAlikeCountOnce() {
        ArchitectureTable nb101 = ArchitectureTables.load("nb101", "cifar10");

        PredictorBenchmark bench = new PredictorBenchmark(nb101, 100);

        assertThat(nb101.architectures()).hasSize(500);
        assertThat(bench.size()).isEqualTo(301);
        assertThat(bench.maxTrainSize()).isEqualTo(201);
    }

    @Test
    void exactPredictorScoresPerfectly() {
        PredictorBenchmark bench = new PredictorBenchmark(NB201, 100);
        // A test double that returns the table's own value, to check the measures, not a predictor.
        PredictorFactory exact = (space, seed) -> new TableValues(space, NB201);

        PredictorRun run = bench.run(new PredictorCandidate("exact", "none", exact), 10, 0);

        assertThat(run.kendallTau()).isEqualTo(1.0);
        assertThat(run.spearmanRho()).isEqualTo(1.0);
        assertThat(run.top10Precision()).isEqualTo(1.0);
        assertThat(run.coverage68()).isEqualTo(1.0);
        assertThat(run.target()).isEqualTo("test_accuracy");
    }

    @Test
    void gaussianProcessRanksAboveChance() {
        PredictorBenchmark bench = new PredictorBenchmark(NB201, 200);
        PredictorFactory gp = Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow();

        PredictorRun run = bench.run(new PredictorCandidate("gp", "one_hot", gp), 71, 3);

        assertThat(run.kendallTau()).isGreaterThan(0.3);
        assertThat(run.coverage95()).isBetween(0.0, 1.0);
        assertThat(run.fitSeconds()).isPositive();
    }

    @Test
    void oversizedRequestsAreRejected() {
        PredictorBenchmark bench = new PredictorBenchmark(NB201, 200);

        assertThatThrownBy(() -> new PredictorBenchmark(NB201, 7000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test size 7000");
        assertThatThrownBy(() -> bench.trainingSet(bench.maxTrainSize() + 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train size");
    }

    /** Returns each architecture's table value with a unit uncertainty. */
    private record TableValues(SearchSpace space, ArchitectureTable table) implements Predictor {

        @Override
        public String name() {
            return "exact";
        }

        @Override
        public int minTrainingSize() {
            return 1;
        }

        @Override
        public void fit(List<Architecture> architectures, double[] targets) {
        }

        @Override
        public Prediction predict(Architecture architecture) {
            return new Prediction(table.value(architecture), 1);
        }
    }
}
