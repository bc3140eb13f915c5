package io.archforge.torch.supernet;

import io.archforge.predictor.RankCorrelation;
import io.archforge.space.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agreement between the ranking of architectures by inherited-weight scores and
 * their ranking by stand-alone accuracies.
 *
 * @param kendallTau Kendall's tau-b between the two scores, in [-1, 1]
 * @param spearman Spearman's rho between the two scores, in [-1, 1]
 * @param count the number of architectures compared
 */
public record RankingFidelity(double kendallTau, double spearman, int count) {

    public RankingFidelity {
        if (count < 2) {
            throw new IllegalArgumentException("ranking fidelity needs at least 2"
                    + " architectures, got " + count);
        }
    }

    /**
     * Computes the fidelity of paired scores: element {@code i} of both arrays belongs to
     * the same architecture.
     *
     * @throws IllegalArgumentException when the arrays differ in length or hold fewer
     *     than 2 values
     */
    public static RankingFidelity of(double[] inherited, double[] standAlone) {
        return new RankingFidelity(RankCorrelation.kendallTau(inherited, standAlone),
                RankCorrelation.spearman(inherited, standAlone), inherited.length);
    }

    /**
     * Computes the fidelity over the architectures that both maps score, in the order of
     * {@code inherited}.
     *
     * @throws IllegalArgumentException when fewer than 2 architectures are in both
     */
    public static RankingFidelity of(Map<Architecture, Double> inherited,
            Map<Architecture, Double> standAlone) {
        List<double[]> pairs = new ArrayList<>();
        inherited.forEach((architecture, score) -> {
            Double other = standAlone.get(architecture);
            if (other != null) {
                pairs.add(new double[] {score, other});
            }
        });
        if (pairs.size() < 2) {
            throw new IllegalArgumentException("ranking fidelity needs at least 2"
                    + " architectures scored both ways, got " + pairs.size());
        }
        double[] x = new double[pairs.size()];
        double[] y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return of(x, y);
    }
}
