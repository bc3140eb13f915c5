package io.archforge.torch.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.GraphForm;
import io.archforge.encoding.GraphForms;
import io.archforge.predictor.Prediction;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.RankCorrelation;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.DartsSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GcnPredictorTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    /** Narrower and shorter than the defaults, to keep these checks fast. */
    private static final GcnPredictor.Settings SMALL =
            new GcnPredictor.Settings(3, 2, 32, 32, 60, 16, 3e-3, 1e-4);

    @Test
    void factoryCreatesGcn() {
        Predictor predictor = GcnPredictor.factory().create(NB201, 1);

        assertThat(predictor.name()).isEqualTo(GcnPredictor.NAME).isEqualTo("gcn");
        assertThat(predictor.space()).isEqualTo(NB201);
        assertThat(predictor.minTrainingSize()).isEqualTo(2);
        assertThat(((GcnPredictor) predictor).settings())
                .isEqualTo(GcnPredictor.Settings.defaults());
    }

    @Test
    void settingsRejectOneMember() {
        assertThatThrownBy(() -> new GcnPredictor.Settings(1, 3, 144, 128, 100, 16, 3e-3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("members must be at least 2, got 1");
    }

    @Test
    void settingsRejectZeroLearningRate() {
        assertThatThrownBy(() -> new GcnPredictor.Settings(3, 3, 144, 128, 100, 16, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate must be a positive number, got 0.0");
    }

    @Test
    void settingsRejectNegativeWeightDecay() {
        assertThatThrownBy(() -> new GcnPredictor.Settings(3, 3, 144, 128, 100, 16, 3e-3, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weightDecay must be a number of 0 or more, got -1.0");
    }

    @Test
    void twoArchitecturesAreEnough() {
        List<Architecture> training = sample(NB201, 2, 1, Set.of());
        Predictor predictor = new GcnPredictor(NB201, SMALL, 2);

        predictor.fit(training, new double[] {90.5, 85.0});
        List<Prediction> predictions = predictor.predict(sample(NB201, 5, 3, Set.of()));

        assertThat(predictions).hasSize(5);
        for (Prediction prediction : predictions) {
            assertThat(prediction.mean()).isFinite();
            assertThat(prediction.std()).isPositive();
        }
    }

    @Test
    void equalTargetsGivePositiveStd() {
        List<Architecture> training = sample(NB201, 10, 4, Set.of());
        Predictor predictor = new GcnPredictor(NB201, SMALL, 5);

        predictor.fit(training, new double[10]);
        Prediction prediction = predictor.predict(training.get(0));

        assertThat(prediction.mean()).isFinite();
        assertThat(prediction.std()).isPositive();
    }

    @Test
    void otherSeedGivesOtherPredictions() {
        List<Architecture> training = sample(NB201, 30, 6, Set.of());
        double[] targets = convolutionCounts(training);
        List<Architecture> probes = sample(NB201, 10, 7, Set.copyOf(training));
        Predictor first = new GcnPredictor(NB201, SMALL, 8);
        Predictor second = new GcnPredictor(NB201, SMALL, 9);

        first.fit(training, targets);
        second.fit(training, targets);

        assertThat(second.predict(probes)).isNotEqualTo(first.predict(probes));
    }

    @Test
    void predictingNoArchitecturesReturnsEmpty() {
        List<Architecture> training = sample(NB201, 5, 10, Set.of());
        Predictor predictor = new GcnPredictor(NB201, SMALL, 11);
        predictor.fit(training, convolutionCounts(training));

        assertThat(predictor.predict(List.of())).isEmpty();
    }

    /**
     * The target counts separable convolutions in the normal cell minus those in the
     * reduction cell, so only a network that keeps the two cells' embeddings apart
     * can rank it.
     */
    @Test
    void dartsCellsKeptApart() {
        ChoiceSpace darts = DartsSpace.create();
        GraphForm form = GraphForms.of(darts);
        List<Architecture> training = sample(darts, 100, 12, Set.of());
        List<Architecture> heldOut = sample(darts, 100, 13, Set.copyOf(training));
        Predictor predictor = new GcnPredictor(darts, SMALL, 14);

        predictor.fit(training, cellDifferences(form, training));
        double[] predicted =
                predictor.predict(heldOut).stream().mapToDouble(Prediction::mean).toArray();

        assertThat(form.cells()).isEqualTo(2);
        assertThat(RankCorrelation.spearman(predicted, cellDifferences(form, heldOut)))
                .as("Spearman rank correlation on held-out DARTS architectures")
                .isGreaterThan(0.8);
    }

    private static double[] convolutionCounts(List<Architecture> architectures) {
        double[] targets = new double[architectures.size()];
        for (int i = 0; i < targets.length; i++) {
            for (int edge = 0; edge < NB201.edgeCount(); edge++) {
                targets[i] += NB201.operation(architectures.get(i), edge).startsWith("nor_conv")
                        ? 1 : 0;
            }
        }
        return targets;
    }

    private static double[] cellDifferences(GraphForm form, List<Architecture> architectures) {
        double[] targets = new double[architectures.size()];
        for (int i = 0; i < targets.length; i++) {
            List<ArchitectureGraph> cells = form.graphs(architectures.get(i));
            targets[i] = separableConvolutions(cells.get(0))
                    - separableConvolutions(cells.get(1));
        }
        return targets;
    }

    private static int separableConvolutions(ArchitectureGraph cell) {
        return (int) cell.labels().stream().filter(label -> label.startsWith("sep_conv"))
                .count();
    }

    private static List<Architecture> sample(SearchSpace space, int count, long seed,
            Set<Architecture> excluded) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Architecture> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            Architecture architecture = space.sample(random);
            if (!excluded.contains(architecture)) {
                chosen.add(architecture);
            }
        }
        return new ArrayList<>(chosen);
    }
}
