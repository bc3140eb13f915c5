package io.archforge.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    @Test
    void staircaseInTwoDimensions() {
        List<double[]> points = List.of(new double[] {1, 3}, new double[] {2, 2},
                new double[] {3, 1});

        // Strips from left to right: 3 x 1, 2 x 1 and 1 x 1.
        assertThat(Hypervolume.of(points, new double[] {4, 4})).isEqualTo(6.0);
    }

    @Test
    void extraPointsAddNothing() {
        List<double[]> front = List.of(new double[] {1, 3}, new double[] {3, 1});
        List<double[]> more = new ArrayList<>(front);
        more.add(new double[] {3, 3});   // dominated
        more.add(new double[] {1, 3});   // duplicate
        more.add(new double[] {0, 5});   // beyond the reference point in y
        more.add(new double[] {4, 0});   // on the reference point in x

        double[] reference = {4, 4};
        assertThat(Hypervolume.of(more, reference)).isEqualTo(Hypervolume.of(front, reference))
                .isEqualTo(5.0);
    }

    @Test
    void threeAxisPointsInThreeDimensions() {
        // Three slabs of volume 4 overlapping in pairs (2 each) and all together (1).
        List<double[]> points = List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0},
                new double[] {0, 0, 1});

        assertThat(Hypervolume.of(points, new double[] {2, 2, 2})).isEqualTo(7.0);
    }

    @Test
    void oneDimensionAndEmptySet() {
        assertThat(Hypervolume.of(List.of(new double[] {2}, new double[] {3}), new double[] {5}))
                .isEqualTo(3.0);
        assertThat(Hypervolume.of(List.of(), new double[] {1, 1})).isZero();
    }

    @Test
    void matchesInclusionExclusion() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int d = 2 + random.nextInt(3);
            int n = 1 + random.nextInt(6);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] point = new double[d];
                for (int k = 0; k < d; k++) {
                    point[k] = random.nextInt(5) / 4.0;
                }
                points.add(point);
            }
            double[] reference = new double[d];
            java.util.Arrays.fill(reference, 1.25);

            assertThat(Hypervolume.of(points, reference)).as("round %d", round)
                    .isCloseTo(inclusionExclusion(points, reference), within(1e-9));
        }
    }

    @Test
    void rejectsBadPoints() {
        assertThatThrownBy(() -> Hypervolume.of(List.of(new double[] {1}), new double[] {2, 2}))
                .hasMessageContaining("1 objectives");
        assertThatThrownBy(() -> Hypervolume.of(List.of(new double[] {Double.NaN, 1}),
                new double[] {2, 2})).hasMessageContaining("NaN");
    }

    /** Computes the union volume of the boxes by inclusion and exclusion over all subsets. */
    private static double inclusionExclusion(List<double[]> points, double[] reference) {
        int n = points.size();
        int d = reference.length;
        double total = 0;
        for (int mask = 1; mask < 1 << n; mask++) {
            double[] corner = new double[d];
            java.util.Arrays.fill(corner, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    for (int k = 0; k < d; k++) {
                        corner[k] = Math.max(corner[k], points.get(i)[k]);
                    }
                }
            }
            double volume = 1;
            for (int k = 0; k < d; k++) {
                volume *= Math.max(0, reference[k] - corner[k]);
            }
            total += Integer.bitCount(mask) % 2 == 1 ? volume : -volume;
        }
        return total;
    }
}
