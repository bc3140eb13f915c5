package io.archforge.latency;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The kernel layout of a space whose choices each place one operation at one position,
 * such as a NAS-Bench-201 edge or an FBNet layer: each choice is one kernel, keyed
 * {@code choice=option}, for example {@code s3.b2=k5_e6}.
 *
 * <p>The key names the position, because the input shape at a position is fixed in these
 * spaces, so one operation at two positions is two kernels. Real-valued choices are
 * rejected, because they have no finite set of kernels.
 */
public final class ChoiceKernels implements KernelLayout {

    private final SearchSpace space;

    /**
     * Creates the layout of {@code space}.
     *
     * @throws IllegalArgumentException when a choice is real-valued
     */
    public ChoiceKernels(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        for (Choice choice : space.choices()) {
            if (choice instanceof Choice.FloatRange) {
                throw new IllegalArgumentException("space '" + space.name()
                        + "' has the real-valued choice '" + choice.name()
                        + "', which has no finite set of kernels");
            }
        }
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public List<String> kernels(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        List<Choice> choices = space.choices();
        if (!architecture.space().equals(space.name())
                || architecture.genes().size() != choices.size()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is from space '" + architecture.space() + "'; this layout reads '"
                    + space.name() + "'");
        }
        List<String> kernels = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String value = choice instanceof Choice.Categorical categorical
                    ? categorical.options().get(architecture.intGene(i))
                    : Integer.toString(architecture.intGene(i));
            kernels.add(choice.name() + "=" + value);
        }
        return kernels;
    }
}
