package io.archforge.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.RandomSearch;
import io.archforge.strategy.RegularizedEvolution;
import io.archforge.strategy.EvolutionOptions;
import io.archforge.strategy.bo.GaussianProcessBo;
import io.archforge.strategy.bo.GaussianProcessOptions;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProxyScreenTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    /** Counts 3x3 convolutions: a stand-in proxy with a known best cell. */
    private static final ProxyScorer CONVOLUTIONS = new ProxyScorer() {
        @Override
        public String name() {
            return "convolutions";
        }

        @Override
        public double score(Architecture cell) {
            int count = 0;
            for (int edge = 0; edge < 6; edge++) {
                count += NB201.operation(cell, edge).equals("nor_conv_3x3") ? 1 : 0;
            }
            return count;
        }
    };

    private static AskContext context(int trial, long seed) {
        return new AskContext(NB201, ACCURACY, new SplittableRandom(seed), trial, a -> false);
    }

    @Test
    void proposesTheBestOfThePoolByTheProxy() {
        ProxyScreen screen = new ProxyScreen(new RandomSearch(), new ProxyFeature(CONVOLUTIONS), 50, 0);
        Proposal proposal = screen.propose(context(0, 3));
        // The same 50 random draws, scored by hand.
        SplittableRandom random = new SplittableRandom(3);
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 50; i++) {
            best = Math.max(best, CONVOLUTIONS.score(NB201.sample(random)));
        }
        assertThat(CONVOLUTIONS.score(proposal.architecture())).isEqualTo(best);
        assertThat(proposal.attributes()).containsEntry("proxy_convolutions", Double.toString(best))
                .containsKey("proxy_pool");
    }

    @Test
    void aWarmUpScreensOnlyTheFirstTrials() {
        ProxyScreen warmup = new ProxyScreen(new RegularizedEvolution(EvolutionOptions.defaults()),
                new ProxyFeature(CONVOLUTIONS), 30, 2);
        assertThat(warmup.propose(context(1, 5)).attributes()).containsKey("proxy_convolutions");
        Proposal later = warmup.propose(context(2, 5));
        assertThat(later.attributes()).doesNotContainKey("proxy_convolutions");
        Architecture unscreened = new RegularizedEvolution(EvolutionOptions.defaults()).ask(context(2, 5));
        assertThat(later.architecture()).isEqualTo(unscreened);
    }

    @Test
    void screenedProposalsScoreHigherThanUnscreenedOnesAndReplayExactly() {
        List<Double> screened = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Architecture> first = new ArrayList<>();
        List<Architecture> replay = new ArrayList<>();
        for (int trial = 0; trial < 40; trial++) {
            ProxyScreen screen = new ProxyScreen(new RandomSearch(), new ProxyFeature(CONVOLUTIONS), 10, 0);
            Architecture chosen = screen.ask(context(trial, trial));
            first.add(chosen);
            replay.add(new ProxyScreen(new RandomSearch(), new ProxyFeature(CONVOLUTIONS), 10, 0)
                    .ask(context(trial, trial)));
            screened.add(CONVOLUTIONS.score(chosen));
            plain.add(CONVOLUTIONS.score(new RandomSearch().ask(context(trial, trial + 1000))));
        }
        assertThat(replay).isEqualTo(first);
        double screenedMean = screened.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double plainMean = plain.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(screenedMean).isGreaterThan(plainMean + 1);
    }

    @Test
    void aProxyThatFailsRanksItsCandidateLast() {
        ProxyScorer failing = new ProxyScorer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double score(Architecture architecture) {
                return CONVOLUTIONS.score(architecture) >= 2 ? Double.NaN : CONVOLUTIONS.score(architecture);
            }
        };
        Proposal proposal = new ProxyScreen(new RandomSearch(), new ProxyFeature(failing), 40, 0)
                .propose(context(0, 11));
        assertThat(CONVOLUTIONS.score(proposal.architecture())).isLessThan(2);
    }

    @Test
    void aBayesianSurrogateWithTheProxyFindsTheProxysOptimumQuickly() {
        GaussianProcessBo bo = new GaussianProcessBo(GaussianProcessOptions.defaults());
        bo.useProxy(new ProxyFeature(CONVOLUTIONS));
        java.util.Set<String> seen = new java.util.HashSet<>();
        double best = 0;
        for (int trial = 0; trial < 40; trial++) {
            int number = trial;
            AskContext context = new AskContext(NB201, ACCURACY, new SplittableRandom(trial), trial,
                    a -> seen.contains(a.isomorphismKey()));
            Architecture cell = bo.ask(context);
            assertThat(seen.add(cell.isomorphismKey())).as("trial %d repeats a cell", number).isTrue();
            double value = CONVOLUTIONS.score(cell);
            best = Math.max(best, value);
            bo.tell(new FrozenTrial(trial, TrialState.COMPLETE, cell.text(), 0,
                    java.util.Map.of("accuracy", value), List.of(), java.util.Map.of(),
                    java.time.Instant.EPOCH, java.util.Optional.of(java.time.Instant.EPOCH),
                    java.util.Optional.empty()));
        }
        // The objective equals the proxy, so the surrogate should reach the all-convolution cell.
        assertThat(best).isEqualTo(6.0);
    }

    @Test
    void standardisedScoresAreCentredOnTheReferenceSample() {
        ProxyFeature feature = new ProxyFeature(CONVOLUTIONS);
        SplittableRandom random = new SplittableRandom(99);
        double sum = 0;
        int count = 2000;
        for (int i = 0; i < count; i++) {
            sum += feature.standardised(NB201, NB201.sample(random));
        }
        assertThat(sum / count).isBetween(-0.15, 0.15);
        assertThatThrownBy(() -> new ProxyScreen(new RandomSearch(), feature, 1, 0))
                .hasMessageContaining("pool").hasMessageContaining("1");
    }
}
