package io.archforge.transfer;

/**
 * Kendall's tau-b over pairs added one at a time, in time linear in the pairs so far
 * per addition.
 */
final class RankAgreement {

    private double[] xs = new double[16];
    private double[] ys = new double[16];
    private int count;
    private long concordant;
    private long discordant;
    private long tiedX;
    private long tiedY;

    void add(double x, double y) {
        for (int i = 0; i < count; i++) {
            int dx = Double.compare(x, xs[i]);
            int dy = Double.compare(y, ys[i]);
            if (dx == 0 || dy == 0) {
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
            } else if (Integer.signum(dx) == Integer.signum(dy)) {
                concordant++;
            } else {
                discordant++;
            }
        }
        if (count == xs.length) {
            xs = java.util.Arrays.copyOf(xs, count * 2);
            ys = java.util.Arrays.copyOf(ys, count * 2);
        }
        xs[count] = x;
        ys[count] = y;
        count++;
    }

    int count() {
        return count;
    }

    /** Kendall's tau-b, or 0 with fewer than 3 pairs or when one side is constant. */
    double tau() {
        if (count < 3) {
            return 0;
        }
        double all = count * (count - 1) / 2.0;
        double denominator = Math.sqrt((all - tiedX) * (all - tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : 0;
    }
}
