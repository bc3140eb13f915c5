package io.archforge.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LookupTableFitTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final ChoiceKernels LAYOUT = new ChoiceKernels(SPACE);

    @Test
    void recoversHandMadeTableExactly() {
        // Base 0 and one 0 ms operation per edge make the non-negative table unique.
        List<Architecture> sampled = sample(300, 1);
        LookupTable truth = SyntheticDevice.additive(LAYOUT, sampled, 0, 7);
        // A relative fit cannot read a network of 0 ms, which runs only 0 ms kernels.
        List<Architecture> networks = sampled.stream()
                .filter(a -> truth.latencyMs(LAYOUT, a) > 0).toList();

        LookupTable fitted = LookupTableFit.fit(LAYOUT, networks,
                SyntheticDevice.latencies(truth, LAYOUT, networks), 0);

        assertThat(fitted.source()).isEqualTo(LookupTable.Source.FITTED);
        assertThat(fitted.baseMs()).isCloseTo(0, within(1e-6));
        assertThat(fitted.kernelMs().keySet()).isEqualTo(truth.kernelMs().keySet());
        for (Map.Entry<String, Double> kernel : truth.kernelMs().entrySet()) {
            assertThat(fitted.kernelMs().get(kernel.getKey())).as(kernel.getKey())
                    .isCloseTo(kernel.getValue(), within(1e-6));
        }
    }

    @Test
    void fittedLookupExactOnAdditiveDevice() {
        List<Architecture> train = sample(150, 2);
        List<Architecture> test = sample(400, 3);
        List<Architecture> all = new ArrayList<>(train);
        all.addAll(test);
        LookupTable truth = SyntheticDevice.additive(LAYOUT, all, 1.5, 8);
        LookupPredictor predictor = LookupPredictor.fitted(LAYOUT);

        predictor.fit(train, SyntheticDevice.latencies(truth, LAYOUT, train));
        LatencyScore score = LatencyScore.of(predictor.predictMs(test),
                SyntheticDevice.latencies(truth, LAYOUT, test));

        assertThat(predictor.ridge()).isEqualTo(LookupTableFit.RIDGES.get(0));
        assertThat(score.mape()).isLessThan(0.1);
        assertThat(score.within10()).isEqualTo(100.0);
    }

    @Test
    void unseenKernelAddsNothingToFittedTable() {
        LookupTable table = new LookupTable(LookupTable.Source.FITTED, 2, Map.of("a=x", 1.0));

        assertThat(table.latencyMs(List.of("a=x", "b=y"))).isEqualTo(3.0);
    }

    @Test
    void measuredTableRejectsUnknownKernel() {
        LookupTable table = new LookupTable(LookupTable.Source.MEASURED, 2, Map.of("a=x", 1.0));

        assertThatThrownBy(() -> table.latencyMs(List.of("a=x", "b=y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b=y'");
    }

    @Test
    void scoreCountsPredictionsWithinTenPercent() {
        LatencyScore score = LatencyScore.of(new double[] {1.1, 2.5, 3.0, 0.5},
                new double[] {1.0, 2.0, 3.0, 1.0});

        assertThat(score.mape()).isCloseTo(100 * (0.1 + 0.25 + 0 + 0.5) / 4, within(1e-9));
        assertThat(score.within10()).isEqualTo(50.0);
    }

    private static List<Architecture> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Architecture> networks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            networks.add(SPACE.sample(random));
        }
        return networks;
    }
}
