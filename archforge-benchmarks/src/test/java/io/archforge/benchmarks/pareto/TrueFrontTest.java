package io.archforge.benchmarks.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.pareto.ParetoRanking;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrueFrontTest {

    private static Nb201Table table;
    private static final Map<Nb201Dataset, TrueFront> FRONTS = new EnumMap<>(Nb201Dataset.class);

    @BeforeAll
    static void load() {
        table = Nb201Table.load();
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            FRONTS.put(dataset, TrueFront.of(table, dataset));
        }
    }

    @ParameterizedTest
    @EnumSource(Nb201Dataset.class)
    void frontIsNonDominated(Nb201Dataset dataset) {
        List<FrontPoint> points = FRONTS.get(dataset).points();
        assertThat(points).hasSizeGreaterThan(1);
        Set<List<Double>> values = new HashSet<>();
        for (FrontPoint a : points) {
            assertThat(values.add(List.of(a.testAccuracy(), a.flops())))
                    .as("repeated point %s", a).isTrue();
            for (FrontPoint b : points) {
                assertThat(ParetoRanking.dominates(b.minimized(), a.minimized()))
                        .as("%s dominates %s", b, a).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Nb201Dataset.class)
    void everyCellWeaklyDominatedByFront(Nb201Dataset dataset) {
        TrueFront front = FRONTS.get(dataset);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        for (int index = 0; index < table.size(); index++) {
            Evaluation evaluation = evaluator.evaluate(table.architecture(index), new Lookup());
            double accuracy = evaluation.metrics().get(Nb201Evaluator.TEST_ACCURACY);
            double flops = evaluation.metrics().get(Nb201Evaluator.FLOPS);
            boolean covered = front.points().stream()
                    .anyMatch(p -> p.testAccuracy() >= accuracy && p.flops() <= flops);
            assertThat(covered).as("cell %d (%.2f %%, %.3f MFLOPs) is covered", index,
                    accuracy, flops).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Nb201Dataset.class)
    void pointsCarryEvaluatorValues(Nb201Dataset dataset) {
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        for (FrontPoint point : FRONTS.get(dataset).points()) {
            Evaluation evaluation =
                    evaluator.evaluate(table.architecture(point.cell()), new Lookup());
            assertThat(point.testAccuracy())
                    .isEqualTo(evaluation.metrics().get(Nb201Evaluator.TEST_ACCURACY));
            assertThat(point.flops()).isEqualTo(evaluation.metrics().get(Nb201Evaluator.FLOPS));
        }
    }

    @ParameterizedTest
    @EnumSource(Nb201Dataset.class)
    void mostAccurateIsTableBest(Nb201Dataset dataset) {
        assertThat(FRONTS.get(dataset).mostAccurate().testAccuracy())
                .isEqualTo(table.bestTestAccuracy(dataset));
    }

    @ParameterizedTest
    @EnumSource(Nb201Dataset.class)
    void bestEndMatchesPublishedFront(Nb201Dataset dataset) throws IOException {
        List<PublishedFronts.Point> published = PublishedFronts.testAccuracyFront(dataset);
        assertThat(published).isNotEmpty();
        double publishedBest = published.stream()
                .mapToDouble(p -> 100 - p.error()).max().orElseThrow();
        TrueFront front = FRONTS.get(dataset);

        // The published errors have two decimals; FLOPs are counted another way, so only
        // the accuracy end and the rough size compare.
        assertThat(front.mostAccurate().testAccuracy()).isCloseTo(publishedBest, within(0.006));
        assertThat(front.points().size()).isBetween(published.size() / 2,
                published.size() * 3);
    }

    @Test
    void ownPointsMeasurePerfect() {
        TrueFront front = FRONTS.get(Nb201Dataset.CIFAR10);
        List<double[]> points = front.points().stream().map(FrontPoint::minimized).toList();
        FrontMeasures measures = front.measure(points);
        assertThat(measures.igd()).isZero();
        assertThat(measures.igdPlus()).isZero();
        assertThat(measures.hypervolumeRatio()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void scaleSpansFrontOntoUnitSquare() {
        TrueFront front = FRONTS.get(Nb201Dataset.CIFAR100);
        double[] cheapest = front.scale().apply(front.points().get(0).minimized());
        double[] best = front.scale().apply(front.mostAccurate().minimized());
        assertThat(cheapest).containsExactly(1.0, 0.0);
        assertThat(best).containsExactly(0.0, 1.0);
        // Each point adds its own box: more than the ideal's dominated unit corner.
        assertThat(front.hypervolume()).isBetween(0.1 * 0.1 * 2, 1.1 * 1.1);
    }

    @Test
    void emptySetMeasuresWorst() {
        FrontMeasures measures = FRONTS.get(Nb201Dataset.CIFAR10).measure(List.of());
        assertThat(measures.igd()).isInfinite();
        assertThat(measures.hypervolumeRatio()).isZero();
    }

    /** A look-up context that reports nothing. */
    private record Lookup() implements EvaluationContext {

        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public void report(int step, String metric, double value) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
