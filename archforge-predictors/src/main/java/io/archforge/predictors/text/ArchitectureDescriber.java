package io.archforge.predictors.text;

import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.ChainGraphForm;
import io.archforge.encoding.GraphForm;
import io.archforge.encoding.GraphForms;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes architectures in short English text for {@link SentenceEncoder}.
 *
 * <p>A space whose graph form has cells gets one part per cell, a per-node listing
 * such as {@code "A cell with 6 operations. 1: 3x3 conv of input. 2: skip
 * connection of input. ... Output takes 4, 5 and 6."} A space described by a chain of
 * its choices, such as the macro space, gets one part that lists every choice and
 * its value. The text depends only on the architecture, so equal architectures get
 * equal text.
 *
 * <p>Each part is embedded on its own, because the MiniLM model reads at most 128
 * word pieces and ignores the rest. Counted with the model's tokenizer, a
 * NAS-Bench-201 cell takes at most 78 pieces. In samples of 2,000, a random
 * NAS-Bench-101-sized cell (7 nodes, 9 edges) took at most 96 and a random DARTS-sized
 * cell (8 operations) at most 123. The tests check that all three stay within the limit.
 * Instances are immutable and thread-safe.
 */
public final class ArchitectureDescriber {

    private final SearchSpace space;
    private final GraphForm form;
    private final List<String> cellNames;

    /**
     * Creates a describer that names a single cell {@code "a cell"} and several cells
     * {@code "cell 1"}, {@code "cell 2"} and so on, in the graph form's order.
     */
    public ArchitectureDescriber(SearchSpace space) {
        this(space, defaultCellNames(GraphForms.of(Objects.requireNonNull(space, "space"))));
    }

    /**
     * Creates a describer that names the cells, such as {@code "normal cell"} and
     * {@code "reduction cell"} for a DARTS-style space.
     *
     * @param cellNames one name per cell of the space's graph form, in its order
     * @throws IllegalArgumentException when the number of names differs from the number
     *     of cells, or a name is blank
     */
    public ArchitectureDescriber(SearchSpace space, List<String> cellNames) {
        this.space = Objects.requireNonNull(space, "space");
        this.form = GraphForms.of(space);
        this.cellNames = List.copyOf(cellNames);
        if (this.cellNames.size() != form.cells()) {
            throw new IllegalArgumentException("space '" + space.name() + "' has "
                    + form.cells() + " cells but " + this.cellNames.size()
                    + " cell names were given: " + this.cellNames);
        }
        if (this.cellNames.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("cell names must not be blank, got "
                    + this.cellNames);
        }
    }

    private static List<String> defaultCellNames(GraphForm form) {
        if (form.cells() == 1) {
            return List.of("a cell");
        }
        List<String> names = new ArrayList<>();
        for (int cell = 1; cell <= form.cells(); cell++) {
            names.add("cell " + cell);
        }
        return names;
    }

    /** Returns the space whose architectures this describer reads. */
    public SearchSpace space() {
        return space;
    }

    /**
     * Describes {@code architecture} as the parts a sentence encoder embeds separately:
     * one per cell, or a single part for a space described by its choices.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    public List<String> parts(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        form.checkSpace(architecture);
        if (form instanceof ChainGraphForm) {
            return List.of(ChoiceDescription.of((ChoiceSpace) space.unrestricted(), architecture));
        }
        List<ArchitectureGraph> graphs = form.graphs(architecture);
        List<String> parts = new ArrayList<>(graphs.size());
        for (int cell = 0; cell < graphs.size(); cell++) {
            parts.add(GraphDescription.of(cellNames.get(cell), graphs.get(cell)));
        }
        return List.copyOf(parts);
    }

    /**
     * Describes {@code architecture} as one text: the {@link #parts} joined by spaces.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    public String describe(Architecture architecture) {
        return String.join(" ", parts(architecture));
    }
}
