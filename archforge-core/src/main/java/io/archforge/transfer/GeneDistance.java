package io.archforge.transfer;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import java.util.List;

/**
 * The distance between two architectures of one space: the number of choices that
 * differ, where a real-valued choice adds the difference as a share of its range (on
 * the log scale when it is log-scaled).
 */
public final class GeneDistance {

    private final List<Choice> choices;

    /** Returns the distance over the choices of {@code space}. */
    public GeneDistance(SearchSpace space) {
        this.choices = space.choices();
    }

    /** Returns the number of choices. */
    public int choiceCount() {
        return choices.size();
    }

    /** Returns the distance between {@code a} and {@code b}, from 0 to the number of choices. */
    public double between(Architecture a, Architecture b) {
        double distance = 0;
        for (int i = 0; i < choices.size(); i++) {
            Number x = a.genes().get(i);
            Number y = b.genes().get(i);
            if (choices.get(i) instanceof Choice.FloatRange range) {
                distance += share(range, x.doubleValue(), y.doubleValue());
            } else if (!x.equals(y)) {
                distance++;
            }
        }
        return distance;
    }

    private static double share(Choice.FloatRange range, double x, double y) {
        if (range.high() <= range.low()) {
            return 0;
        }
        if (range.log()) {
            return Math.abs(Math.log(x) - Math.log(y))
                    / (Math.log(range.high()) - Math.log(range.low()));
        }
        return Math.abs(x - y) / (range.high() - range.low());
    }
}
