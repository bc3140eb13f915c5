package io.archforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

/**
 * Regularized evolution reaches lower regret than random search on NAS-Bench-201
 * CIFAR-10 after 150 trials, as in Dong and Yang (ICLR 2020), over 40 fixed seeds.
 */
class EvolutionVersusRandomTest {

    private static final int SEEDS = 40;
    private static final int TRIALS = 150;

    @Test
    void evolutionHasLowerRegret() {
        RegretSettings settings = new RegretSettings(List.of("random", "evolution"),
                List.of(Nb201Dataset.CIFAR10), SEEDS, TRIALS, 2);
        RegretBenchmark.Result result = new RegretBenchmark(Nb201Table.load()).run(settings);
        Map<String, double[]> finalRegret = result.rows().stream()
                .filter(row -> row.trial() == TRIALS)
                .collect(Collectors.groupingBy(RegretRow::strategy, Collectors.collectingAndThen(
                        Collectors.toList(),
                        rows -> rows.stream().mapToDouble(RegretRow::regret).toArray())));
        double[] random = finalRegret.get("random");
        double[] evolution = finalRegret.get("evolution");
        assertThat(random).hasSize(SEEDS);
        assertThat(evolution).hasSize(SEEDS);

        // The mean regret is lower, and so are the ranks: one-sided Mann-Whitney U.
        double randomMean = RegretStatistics.summarize(random).mean();
        double evolutionMean = RegretStatistics.summarize(evolution).mean();
        assertThat(evolutionMean).as("mean final regret, evolution vs random %.3f",
                randomMean).isLessThan(randomMean);
        assertThat(meanRank(evolution, random)).isLessThan(meanRank(random, evolution));
        double oneSided = new MannWhitneyUTest().mannWhitneyUTest(evolution, random) / 2;
        assertThat(oneSided).as("one-sided Mann-Whitney p").isLessThan(0.05);
    }

    /** The mean rank of {@code sample} in the pooled sample, ties sharing their mean rank. */
    private static double meanRank(double[] sample, double[] other) {
        double[] pooled = new double[sample.length + other.length];
        System.arraycopy(sample, 0, pooled, 0, sample.length);
        System.arraycopy(other, 0, pooled, sample.length, other.length);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(pooled);
        double sum = 0;
        for (int i = 0; i < sample.length; i++) {
            sum += ranks[i];
        }
        return sum / sample.length;
    }
}
