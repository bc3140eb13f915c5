package io.archforge.strategy.bo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.Encoding;
import io.archforge.eval.Evaluation;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.proxy.ProxyFeature;
import io.archforge.proxy.ProxyScorer;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Npenas;
import io.archforge.strategy.NpenasOptions;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BayesianStrategyTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final ChoiceSpace GRID = new ChoiceSpace("grid", List.of(
            new Choice.IntRange("x", 0, 20, 1), new Choice.IntRange("y", 0, 20, 1),
            new Choice.Categorical("mode", List.of("a", "b"))));

    static Stream<Arguments> strategies() {
        Supplier<Strategy> bananas = () -> new Bananas(BananasOptions.parse(Map.of(
                "initial_random", "5", "epochs", "20", "candidates", "60")));
        Supplier<Strategy> gp = () -> new GaussianProcessBo(GaussianProcessOptions.parse(
                Map.of("initial_random", "5", "candidates", "60")));
        Supplier<Strategy> npenas = () -> new Npenas(NpenasOptions.parse(
                Map.of("initial_random", "5", "candidates", "60")));
        return Stream.of(Arguments.of("bananas", bananas), Arguments.of("gp-bo", gp),
                Arguments.of("npenas", npenas));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void proposalsAreValidAndNew(String name, Supplier<Strategy> factory) {
        for (SearchSpace space : List.of(NB201, GRID)) {
            Study study = open(new InMemoryStorage(), space, factory.get(), 7);
            Set<String> keys = new HashSet<>();
            for (int t = 0; t < 40; t++) {
                Trial trial = study.ask();
                Architecture architecture = trial.architecture();
                assertThat(space.parse(architecture.text())).isEqualTo(architecture);
                assertThat(keys.add(architecture.isomorphismKey()))
                        .as("trial %d repeats %s", t, architecture).isTrue();
                assertThat(trial.attributes()).containsKey(BayesianStrategy.LEVEL_ATTRIBUTE);
                study.tell(trial, evaluate(space, architecture));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void resumedStudyReplaysExactly(String name, Supplier<Strategy> factory) {
        Study straight = open(new InMemoryStorage(), NB201, factory.get(), 11);
        List<String> expected = run(straight, 30);

        InMemoryStorage storage = new InMemoryStorage();
        List<String> first = run(open(storage, NB201, factory.get(), 11), 20);
        List<String> rest = run(open(storage, NB201, factory.get(), 11), 10);

        assertThat(first).isEqualTo(expected.subList(0, 20));
        assertThat(rest).isEqualTo(expected.subList(20, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void beatsRandomOnSmoothObjective(String name, Supplier<Strategy> factory) {
        // The objective peaks at one corner of the grid; after 40 trials a model-based
        // search is near it, while random search of 40 from 882 points rarely is.
        int near = 0;
        for (long seed = 0; seed < 5; seed++) {
            Study study = open(new InMemoryStorage(), GRID, factory.get(), seed);
            run(study, 40);
            double best = study.trials().stream()
                    .mapToDouble(t -> t.metrics().get("accuracy")).max().orElseThrow();
            if (best >= 97) {
                near++;
            }
        }
        assertThat(near).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void stallRecordsExplorationEvent(String name, Supplier<Strategy> factory) {
        Study study = open(new InMemoryStorage(), NB201, factory.get(), 3);

        run(study, 60);

        // The default patience is 10 trials, and the objective has many plateaus.
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).anySatisfy(t -> assertThat(t.attributes())
                .containsEntry(BayesianStrategy.EVENT_ATTRIBUTE, Exploration.RAISED));
        assertThat(trials).allSatisfy(t -> assertThat(t.attributes())
                .containsKey(BayesianStrategy.LEVEL_ATTRIBUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void givenPredictorFitsEachProposal(String name, Supplier<Strategy> factory) {
        BayesianStrategy strategy = (BayesianStrategy) factory.get();
        AtomicInteger created = new AtomicInteger();
        PredictorFactory gp = Predictors.factory(Predictors.GP, Encoding.PATH).orElseThrow();
        strategy.usePredictor((space, seed) -> {
            created.incrementAndGet();
            return gp.create(space, seed);
        });

        run(open(new InMemoryStorage(), NB201, strategy, 5), 25);

        // Five random proposals come first, then each proposal fits one predictor.
        assertThat(created.get()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void namedPredictorNeedsItsFactory(String name, Supplier<Strategy> factory) {
        Strategy strategy = Strategies.create(name, Map.of("predictor", "xgboost"),
                List.of("gp", "xgboost"));
        Study study = open(new InMemoryStorage(), NB201, strategy, 1);

        assertThatThrownBy(study::ask)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("predictor=xgboost")
                .hasMessageContaining("usePredictor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void proxyExcludesGivenPredictor(String name, Supplier<Strategy> factory) {
        ProxyFeature feature = new ProxyFeature(new ProxyScorer() {
            @Override
            public String name() {
                return "genes";
            }

            @Override
            public double score(Architecture architecture) {
                return architecture.genes().size();
            }
        });
        PredictorFactory gp = Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow();
        BayesianStrategy proxied = (BayesianStrategy) factory.get();
        BayesianStrategy predicted = (BayesianStrategy) factory.get();

        proxied.useProxy(feature);
        predicted.usePredictor(gp);

        assertThatThrownBy(() -> proxied.usePredictor(gp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("proxy");
        assertThatThrownBy(() -> predicted.useProxy(feature))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("usePredictor");
    }

    private static Study open(InMemoryStorage storage, SearchSpace space, Strategy strategy,
            long seed) {
        StudyConfig config = new StudyConfig("bo", space.name(), "synthetic", Map.of(),
                strategy.name(), Map.of(), List.of(Objective.maximize("accuracy")), seed);
        return Study.open(storage, config, space, strategy);
    }

    private static List<String> run(Study study, int trials) {
        List<String> proposed = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Trial trial = study.ask();
            proposed.add(trial.architecture().text());
            study.tell(trial, evaluate(study.space(), trial.architecture()));
        }
        return proposed;
    }

    /**
     * A deterministic objective: on cells, the number of convolutions on complete
     * paths, in coarse steps; on the grid, 100 minus the distance to (17, 3) in mode b.
     */
    private static Evaluation evaluate(SearchSpace space, Architecture architecture) {
        double value;
        if (space instanceof CellSpace cells) {
            value = 0;
            for (int edge = 0; edge < cells.edgeCount(); edge++) {
                String operation = cells.operation(architecture, edge);
                value += operation.startsWith("nor_conv") ? 10 : 0;
                value += operation.equals("none") ? -3 : 0;
            }
        } else {
            int x = architecture.intGene(0);
            int y = architecture.intGene(1);
            int mode = architecture.intGene(2);
            value = 100 - Math.abs(x - 17) - Math.abs(y - 3) - 5 * (1 - mode);
        }
        return Evaluation.of(Map.of("accuracy", value));
    }
}
