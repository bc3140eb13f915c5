package io.archforge.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.Encoding;
import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnsemblePredictorTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final PredictorFactory GP =
            Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow();

    /** A target with an interaction the one-hot GP learns only slowly. */
    private static double target(Architecture cell) {
        double conv = 0;
        double none = 0;
        for (int k = 0; k < 6; k++) {
            String op = NB201.operation(cell, k);
            conv += op.equals("nor_conv_3x3") ? 1 : 0;
            none += op.equals("none") ? 1 : 0;
        }
        return conv * conv - 2 * none + 0.5 * conv * none;
    }

    /** A feature that scores cells by the target itself, squashed monotonically. */
    private static final ProxyScorer ORACLE_FEATURE = new ProxyScorer() {
        @Override
        public String name() {
            return "monotone_target";
        }

        @Override
        public double score(Architecture architecture) {
            return Math.exp(target(architecture) / 4);
        }
    };

    private static List<Architecture> cells(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Architecture> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cells.add(NB201.sample(random));
        }
        return cells;
    }

    private static double[] targets(List<Architecture> cells) {
        return cells.stream().mapToDouble(EnsemblePredictorTest::target).toArray();
    }

    private static double kendall(Predictor predictor, List<Architecture> test) {
        double[] predicted = predictor.predict(test).stream().mapToDouble(Prediction::mean).toArray();
        return RankCorrelation.kendallTau(predicted, targets(test));
    }

    @Test
    void informativeFeatureLiftsRanking() {
        List<Architecture> train = cells(30, 1);
        List<Architecture> test = cells(200, 2);
        Predictor member = GP.create(NB201, 7);
        member.fit(train, targets(train));
        EnsemblePredictor ensemble = new EnsemblePredictor(NB201, List.of(GP),
                List.of(ORACLE_FEATURE), 7);

        ensemble.fit(train, targets(train));

        assertThat(kendall(ensemble, test)).isGreaterThan(kendall(member, test));
        double[] weights = ensemble.weights();
        assertThat(weights).hasSize(2);
        assertThat(weights[1]).isGreaterThan(0);
    }

    @Test
    void sameSeedReplaysExactly() {
        List<Architecture> train = cells(20, 3);
        List<Architecture> test = cells(20, 4);
        PredictorFactory factory = EnsemblePredictor.factory(List.of(GP,
                Predictors.factory(Predictors.MLP_ENSEMBLE, Encoding.PATH).orElseThrow()),
                List.of(ORACLE_FEATURE));
        Predictor first = factory.create(NB201, 11);
        Predictor second = factory.create(NB201, 11);

        first.fit(train, targets(train));
        second.fit(train, targets(train));

        assertThat(first.predict(test)).isEqualTo(second.predict(test));
        assertThat(first.predict(test)).allSatisfy(p -> assertThat(p.std()).isPositive());
    }

    @Test
    void tooFewArchitecturesAreRejected() {
        EnsemblePredictor ensemble = new EnsemblePredictor(NB201, List.of(GP), List.of(), 0);
        List<Architecture> train = cells(ensemble.minTrainingSize() - 1, 5);

        assertThatThrownBy(() -> ensemble.fit(train, targets(train)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least " + ensemble.minTrainingSize());
    }

    @Test
    void ensembleNeedsAMember() {
        assertThatThrownBy(() -> new EnsemblePredictor(NB201, List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member");
    }
}
