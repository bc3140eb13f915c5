package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph form of a choice space without a graph of its own, such as the macro
 * space: a chain from the input through one node per choice to the output.
 *
 * <p>A node's label is {@code name=value}, the choice and the value taken, so graph
 * models see every decision. A real-valued choice, or an integer choice with more
 * than {@value #MAX_VALUES} values, has the single label {@code name}.
 * NOTE: that label drops the value, so graph models cannot tell those values apart;
 * the one-hot encoding keeps them.
 */
public final class ChainGraphForm implements GraphForm {

    /** Integer choices with more values than this get one label without the value. */
    public static final int MAX_VALUES = 16;

    private final ChoiceSpace space;
    private final List<String> operations;

    public ChainGraphForm(ChoiceSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        List<String> labels = new ArrayList<>();
        for (Choice choice : space.choices()) {
            labels.addAll(labelsOf(choice));
        }
        this.operations = List.copyOf(labels);
    }

    private static List<String> labelsOf(Choice choice) {
        List<String> labels = new ArrayList<>();
        if (choice instanceof Choice.Categorical categorical) {
            categorical.options().forEach(o -> labels.add(choice.name() + "=" + o));
        } else if (choice instanceof Choice.IntRange range && range.size() <= MAX_VALUES) {
            for (int v = range.low(); v <= range.high(); v += range.step()) {
                labels.add(choice.name() + "=" + v);
            }
        } else {
            labels.add(choice.name());
        }
        return labels;
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public List<String> operations() {
        return operations;
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return space.choices().size() + 2;
    }

    @Override
    public int minPathOperations() {
        return space.choices().size();
    }

    @Override
    public int maxPathOperations() {
        return space.choices().size();
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        List<Choice> choices = space.choices();
        int size = choices.size() + 2;
        List<String> labels = new ArrayList<>(size);
        labels.add(ArchitectureGraph.INPUT);
        for (int i = 0; i < choices.size(); i++) {
            labels.add(label(choices.get(i), architecture, i));
        }
        labels.add(ArchitectureGraph.OUTPUT);
        boolean[][] adjacency = new boolean[size][size];
        for (int i = 0; i + 1 < size; i++) {
            adjacency[i][i + 1] = true;
        }
        return List.of(new ArchitectureGraph(labels, adjacency));
    }

    private static String label(Choice choice, Architecture architecture, int gene) {
        if (choice instanceof Choice.Categorical categorical) {
            return choice.name() + "=" + categorical.options().get(architecture.intGene(gene));
        }
        if (choice instanceof Choice.IntRange range && range.size() <= MAX_VALUES) {
            return choice.name() + "=" + architecture.intGene(gene);
        }
        return choice.name();
    }
}
