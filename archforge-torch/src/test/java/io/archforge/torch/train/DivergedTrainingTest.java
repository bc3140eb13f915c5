package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.space.Architecture;
import io.archforge.space.ForecastingSpace.BlockType;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.LookbackFraction;
import io.archforge.space.ForecastingSpace.Normalization;
import io.archforge.space.GnnSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.forecast.ForecastData;
import io.archforge.torch.forecast.ForecastDatasets;
import io.archforge.torch.forecast.ForecastNetwork;
import io.archforge.torch.forecast.ForecastNetworkBuilder;
import io.archforge.torch.forecast.ForecastRecipe;
import io.archforge.torch.forecast.ForecastTrainer;
import io.archforge.torch.forecast.MissingValues;
import io.archforge.torch.graph.GnnTrainer;
import io.archforge.torch.graph.GnnTrainingSettings;
import io.archforge.torch.graph.GraphTensors;
import io.archforge.torch.graph.PlanetoidDatasets;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.text.CharModelTrainer;
import io.archforge.torch.text.CharTrainingSettings;
import io.archforge.torch.text.CharTransformer;
import io.archforge.torch.text.TextCorpus;
import io.archforge.torch.text.TokenSplit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Real training with a learning rate of 1e9: every trainer must stop at the first batch
 * whose loss diverged, with {@link TrainingDivergedException}, and a study must end that
 * trial FAILED and go on.
 */
class DivergedTrainingTest {

    private static final float HUGE_RATE = 1e9f;
    private static final TrainingRecipe DIVERGING =
            new TrainingRecipe(2, 64, 640, 200, HUGE_RATE, 0.9f, 5e-4f);
    private static final TrainingRecipe SANE =
            new TrainingRecipe(1, 64, 640, 200, 0.1f, 0.9f, 5e-4f);

    @Test
    void imageTrainerStopsWithinFirstBatches() {
        DataSplit split = DataSplit.carve(DataSources.shippedFashionMnistSubset().train(),
                200, 640, 0);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            Trainer.initialize(network, manager, new Shape(1, 1, 28, 28), 1);
            RecordingContext context = new RecordingContext(1);

            assertThatThrownBy(() -> new Trainer(DIVERGING).fit(network, manager, split, 1,
                    context))
                    .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                        assertThat(e.epoch()).isEqualTo(1);
                        // Ten batches make an epoch; the loss explodes within three.
                        assertThat(e.batch()).isBetween(2, 3);
                        assertThat(Double.isNaN(e.loss()) || e.loss() > 100 * Math.log(10))
                                .as("loss %s", e.loss()).isTrue();
                    })
                    .hasMessageStartingWith("training diverged: loss is ")
                    .hasMessageEndingWith("; lower --learning-rate");
            // It stopped before the first epoch's validation.
            assertThat(context.reported).isEmpty();
        }
    }

    @Test
    void studyFailsDivergedTrialAndGoesOn() {
        SearchSpace macro = MacroSpace.create();
        StudyConfig config = new StudyConfig("diverged", macro.name(), "train", Map.of(),
                "random", Map.of(), List.of(Objective.maximize("accuracy")), 4);
        Study study = Study.open(new InMemoryStorage(), config, macro,
                Strategies.create("random", Map.of()));
        try (TrainingEvaluator diverging = evaluator(DIVERGING);
                TrainingEvaluator sane = evaluator(SANE)) {
            Evaluator firstDiverges = new Evaluator() {
                @Override
                public Set<String> metrics() {
                    return sane.metrics();
                }

                @Override
                public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                    TrainingEvaluator chosen = context.trialNumber() == 0 ? diverging : sane;
                    return chosen.evaluate(ReferenceNetworks.referenceMacro(), context);
                }
            };

            Study.StopReason reason = study.optimize(firstDiverges, Budget.trials(2),
                    StudyListener.NONE);

            assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        }
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(2);
        assertThat(trials.get(0).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(0).error()).get().asString()
                .startsWith("training diverged: loss is ").contains(" at epoch 1, batch ")
                .endsWith("; lower --learning-rate");
        assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trials.get(1).metrics()).containsKeys("accuracy", "latency_ms");
    }

    private static TrainingEvaluator evaluator(TrainingRecipe recipe) {
        return new TrainingEvaluator(DataSources.shippedFashionMnistSubset(), recipe,
                new LatencyMeter(1, 30, 1), 2, 1, 0);
    }

    @Test
    void forecastTrainerStopsOnDivergence() {
        ForecastData illness = ForecastData.prepare(ForecastDatasets.load(
                ForecastDatasets.byName("illness"), "OT", MissingValues.INTERPOLATE),
                ForecastDatasets.byName("illness").split(), 24, 12);
        ForecastNetwork network = ForecastNetworkBuilder.build(new Design(BlockType.MLP, 32, 2,
                Normalization.NONE, LookbackFraction.FULL, 0.03, 1e-4, 32, 0.0), 24, 12);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(network, manager, new Shape(1, 24), 2);

            assertThatThrownBy(() -> new ForecastTrainer(new ForecastRecipe(HUGE_RATE, 1e-4, 32,
                    6), 256).fit(network, manager, illness, 2, EvaluationContext.detached(2)))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageEndingWith("; the architecture's learning rate 1.0E9 is too "
                            + "high for this series");
        }
    }

    @Test
    void graphTrainerStopsOnDivergence() {
        Architecture gcn = GnnSpace.create().parse("links=0123,op1=gcn,op2=gcn,"
                + "op3=skip,op4=skip,hidden=64,aggregation=standard,dropout=0.5");
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors cora = GraphTensors.of(PlanetoidDatasets.bundled("cora"), manager);
            GnnTrainer trainer = new GnnTrainer(cora, GnnTrainingSettings.standard()
                    .withEpochs(30).withLearningRate(HUGE_RATE));

            assertThatThrownBy(() -> trainer.train(gcn, manager, 1, (epoch, valid) -> { }))
                    .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                        // Log-softmax keeps the loss finite: it explodes instead.
                        assertThat(e.loss()).isGreaterThan(100 * Math.log(7));
                        assertThat(e.batch()).isEqualTo(1);
                    })
                    .hasMessageContaining("times the first batch's")
                    .hasMessageEndingWith("; lower --learning-rate");
        }
    }

    @Test
    void textTrainerStopsOnDivergence() {
        TextCorpus corpus = new TextCorpus("pangram", "test text",
                "the quick brown fox jumps over the lazy dog. ".repeat(40));
        CharTrainingSettings settings = new CharTrainingSettings(1, 50, 16, 16, HUGE_RATE);
        TokenSplit data = TokenSplit.of(corpus, settings.context());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            CharTransformer model = new CharTransformer(
                    new Config(32, true, List.of(new Block(2, 2))), data.vocabulary().size(),
                    settings.context());
            Trainer.initialize(model, manager, new Shape(1, settings.context()), 3);

            assertThatThrownBy(() -> new CharModelTrainer(settings).fit(model, manager, data, 3,
                    EvaluationContext.detached(3)))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("at epoch 1, batch ");
        }
    }
}
