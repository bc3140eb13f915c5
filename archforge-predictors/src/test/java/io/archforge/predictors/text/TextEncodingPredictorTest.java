package io.archforge.predictors.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.predictor.EncodedPredictor;
import io.archforge.predictor.Prediction;
import io.archforge.predictor.surrogate.GaussianProcess;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextEncodingPredictorTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    @Test
    void nameIsLm() {
        assertThat(TextEncoding.NAME).isEqualTo("lm");
    }

    @Test
    void gaussianProcessLearnsCellScore() {
        EncodedPredictor predictor = new EncodedPredictor("gp", NB201,
                TextEncoding.encoder(NB201), random -> new GaussianProcess(), 2, 7);
        SplittableRandom random = new SplittableRandom(2024);
        List<Architecture> training = sample(random, 40);
        List<Architecture> heldOut = sample(random, 20);

        predictor.fit(training, scores(training));
        List<Prediction> predictions = predictor.predict(heldOut);

        // The GP must beat predicting the training mean by a clear margin.
        double[] truth = scores(heldOut);
        double mean = mean(scores(training));
        double modelError = 0;
        double meanError = 0;
        for (int i = 0; i < truth.length; i++) {
            modelError += Math.abs(predictions.get(i).mean() - truth[i]);
            meanError += Math.abs(mean - truth[i]);
        }
        assertThat(predictions).hasSize(heldOut.size());
        assertThat(predictions).allSatisfy(p -> assertThat(p.std()).isPositive());
        assertThat(modelError).isLessThan(0.7 * meanError);
    }

    private static List<Architecture> sample(SplittableRandom random, int count) {
        List<Architecture> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(NB201.sample(random));
        }
        return cells;
    }

    /**
     * Scores each cell from its operations, rewarding convolutions and punishing zero
     * edges, so the test needs no benchmark table.
     */
    private static double[] scores(List<Architecture> cells) {
        double[] scores = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int edge = 0; edge < NB201.edgeCount(); edge++) {
                scores[i] += switch (NB201.operation(cells.get(i), edge)) {
                    case "nor_conv_3x3" -> 2;
                    case "nor_conv_1x1" -> 1;
                    case "none" -> -1;
                    default -> 0;
                };
            }
        }
        return scores;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
