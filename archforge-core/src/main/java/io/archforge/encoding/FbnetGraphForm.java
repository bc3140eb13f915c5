package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.FbnetSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph form of the {@code fbnet} space: a chain from the input through its 22
 * layers, in network order, to the output, each layer node labelled with its block
 * ({@code k3_e1} to {@code skip}).
 *
 * <p>Unlike {@link ChainGraphForm}, labels do not name the layer, so graph models share
 * what they learn about a block across layers, and the node's place in the chain gives
 * the layer. A {@code skip} layer stays a node, because it is a projection wherever
 * the shape changes.
 */
public final class FbnetGraphForm implements GraphForm {

    private final ChoiceSpace space;

    /**
     * Creates the form.
     *
     * @throws IllegalArgumentException when {@code space} is not the fbnet space
     */
    public FbnetGraphForm(ChoiceSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        if (!space.equals(FbnetSpace.create())) {
            throw new IllegalArgumentException("FbnetGraphForm reads the space '"
                    + FbnetSpace.NAME + "', got '" + space.name() + "'");
        }
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public List<String> operations() {
        return FbnetSpace.BLOCKS;
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return FbnetSpace.LAYERS + 2;
    }

    @Override
    public int minPathOperations() {
        return FbnetSpace.LAYERS;
    }

    @Override
    public int maxPathOperations() {
        return FbnetSpace.LAYERS;
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        int size = maxNodes();
        List<String> labels = new ArrayList<>(size);
        labels.add(ArchitectureGraph.INPUT);
        labels.addAll(FbnetSpace.blocks(architecture));
        labels.add(ArchitectureGraph.OUTPUT);
        boolean[][] adjacency = new boolean[size][size];
        for (int i = 0; i + 1 < size; i++) {
            adjacency[i][i + 1] = true;
        }
        return List.of(new ArchitectureGraph(labels, adjacency));
    }
}
