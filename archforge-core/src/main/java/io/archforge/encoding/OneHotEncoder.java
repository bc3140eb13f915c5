package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * Encodes every choice of any search space on its own features, in choice order.
 *
 * <p>A categorical choice takes one indicator per option. An integer choice with at
 * most {@value #MAX_ONE_HOT_VALUES} values takes one indicator per value, and a
 * larger one a single feature scaled linearly to [0, 1]. A real-valued choice takes
 * a single feature scaled to [0, 1], on a log scale when the choice is log-scaled.
 * A choice with a single value is encoded as 0.
 */
public final class OneHotEncoder implements Encoder {

    /** Integer choices with more values than this are scaled instead of one-hot. */
    public static final int MAX_ONE_HOT_VALUES = 16;

    private final SearchSpace space;
    private final List<Choice> choices;
    private final int[] offsets;
    private final int dimension;

    public OneHotEncoder(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        this.choices = space.choices();
        this.offsets = new int[choices.size()];
        int next = 0;
        for (int i = 0; i < choices.size(); i++) {
            offsets[i] = next;
            next += width(choices.get(i));
        }
        this.dimension = next;
    }

    private static int width(Choice choice) {
        if (choice instanceof Choice.Categorical categorical) {
            return categorical.options().size();
        }
        if (choice instanceof Choice.IntRange range && range.size() <= MAX_ONE_HOT_VALUES) {
            return range.size();
        }
        return 1;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[] encode(Architecture architecture) {
        checkSpace(architecture);
        double[] features = new double[dimension];
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            if (width(choice) > 1) {
                features[offsets[i] + position(choice, architecture.intGene(i))] = 1;
            } else {
                features[offsets[i]] = scaled(choice, architecture.doubleGene(i));
            }
        }
        return features;
    }

    /** The index of the option or value {@code gene} among the choice's values. */
    private static int position(Choice choice, int gene) {
        if (choice instanceof Choice.IntRange range) {
            return (gene - range.low()) / range.step();
        }
        return gene;
    }

    private static double scaled(Choice choice, double gene) {
        if (choice instanceof Choice.IntRange range) {
            return range.high() == range.low()
                    ? 0 : (gene - range.low()) / (range.high() - range.low());
        }
        if (choice instanceof Choice.FloatRange range && range.high() > range.low()) {
            return range.log()
                    ? Math.log(gene / range.low()) / Math.log(range.high() / range.low())
                    : (gene - range.low()) / (range.high() - range.low());
        }
        // A categorical choice with one option, or a real choice with one value.
        return 0;
    }

    private void checkSpace(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(space.name())
                || architecture.genes().size() != choices.size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' cannot be encoded for space '"
                    + space.name() + "'");
        }
    }
}
