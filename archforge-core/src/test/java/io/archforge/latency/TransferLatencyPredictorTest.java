package io.archforge.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.OneHotEncoder;
import io.archforge.predictor.Predictors;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.FbnetSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TransferLatencyPredictorTest {

    private static final SearchSpace SPACE = FbnetSpace.create();
    private static final ChoiceKernels LAYOUT = new ChoiceKernels(SPACE);
    private static final EncodedPredictorFactory GP =
            (space, encoder, seed) -> Predictors.factory(Predictors.GP, s -> encoder)
                    .orElseThrow().create(space, seed);

    @Test
    void scaledCopyOfSourceBeatsTargetSamplesAlone() {
        List<Architecture> train = sample(20, 1);
        List<Architecture> test = sample(300, 2);
        List<Architecture> all = new ArrayList<>(train);
        all.addAll(test);
        List<TransferLatencyPredictor.SourceDevice> sources = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            sources.add(new TransferLatencyPredictor.SourceDevice("source" + s,
                    nonAdditive(SyntheticDevice.additive(LAYOUT, all, 3, 10 + s))));
        }
        // The target is source 2 run 1.7 times slower.
        ToDoubleFunction<Architecture> target =
                a -> 1.7 * sources.get(2).latencyMs().applyAsDouble(a);
        TransferLatencyPredictor transfer = new TransferLatencyPredictor(SPACE,
                train.subList(0, 10), sources, 1, new OneHotEncoder(SPACE), GP, 0);
        LearnedLatencyPredictor alone = LearnedLatencyPredictor.of("learned:gp", SPACE,
                new OneHotEncoder(SPACE), GP, 0);

        double[] trainMs = train.stream().mapToDouble(target).toArray();
        double[] testMs = test.stream().mapToDouble(target).toArray();
        transfer.fit(train, trainMs);
        alone.fit(train, trainMs);
        LatencyScore transferred = LatencyScore.of(transfer.predictMs(test), testMs);
        LatencyScore fromSamples = LatencyScore.of(alone.predictMs(test), testMs);

        assertThat(transfer.keptSources()).containsExactly("source2");
        assertThat(transfer.slope()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(transferred.mape()).isLessThan(0.5);
        assertThat(fromSamples.mape()).isGreaterThan(2 * transferred.mape());
        assertThat(transferred.within10()).isEqualTo(100.0);
    }

    @Test
    void rejectsTrainingSetWithoutReferences() {
        List<Architecture> train = sample(12, 3);
        List<Architecture> references = sample(5, 4);
        TransferLatencyPredictor transfer = new TransferLatencyPredictor(SPACE, references,
                List.of(new TransferLatencyPredictor.SourceDevice("one", a -> 1.0)), 1, null,
                null, 0);

        assertThatThrownBy(() -> transfer.fit(train, new double[12]))
                .isInstanceOf(IllegalArgumentException.class);
        double[] ones = new double[12];
        java.util.Arrays.fill(ones, 1);
        assertThatThrownBy(() -> transfer.fit(train, ones))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks reference architecture");
    }

    @Test
    void learnedWithFittedLookupTracksAdditiveDevice() {
        CellSpace cells = CellSpace.nb201();
        ChoiceKernels layout = new ChoiceKernels(cells);
        SplittableRandom random = new SplittableRandom(5);
        List<Architecture> train = new ArrayList<>();
        List<Architecture> test = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            train.add(cells.sample(random));
        }
        for (int i = 0; i < 300; i++) {
            test.add(cells.sample(random));
        }
        List<Architecture> all = new ArrayList<>(train);
        all.addAll(test);
        LookupTable truth = SyntheticDevice.additive(layout, all, 2, 9);
        LearnedLatencyPredictor learned = LearnedLatencyPredictor.withLookup("learned+lookup:gp",
                cells, new OneHotEncoder(cells), GP, LookupPredictor.fitted(layout), 0);

        learned.fit(train, SyntheticDevice.latencies(truth, layout, train));
        LatencyScore score = LatencyScore.of(learned.predictMs(test),
                SyntheticDevice.latencies(truth, layout, test));

        assertThat(score.mape()).isLessThan(1.0);
    }

    /** Adds a product term, so a sum over positions cannot fit the device. */
    private static ToDoubleFunction<Architecture> nonAdditive(LookupTable table) {
        return a -> {
            double sum = table.latencyMs(LAYOUT, a);
            return sum + 0.02 * (a.intGene(0) + 1) * (a.intGene(21) + 1) * (a.intGene(10) + 1);
        };
    }

    private static List<Architecture> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Architecture> architectures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            architectures.add(SPACE.sample(random));
        }
        return architectures;
    }
}
