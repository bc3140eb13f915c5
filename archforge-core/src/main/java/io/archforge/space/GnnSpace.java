package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph neural network space {@code gnn}, trained for real: the macro layout and
 * layer operations of NAS-Bench-Graph ({@link NasBenchGraphSpace}) plus three training
 * choices of the network.
 *
 * <p>The choices, in gene order: {@code links} (one of the 9 link patterns of
 * {@link NasBenchGraphSpace#LINK_PATTERNS}), {@code op1} to {@code op4} (one of the 9
 * operations of {@link NasBenchGraphSpace#OPERATIONS}), {@code hidden} (the width of
 * every layer: 32, 64, 128 or 256), {@code aggregation} (how {@code sage},
 * {@code graph} and {@code gin} layers combine neighbour features: {@code standard}
 * for each operation's usual rule, mean for {@code sage} and sum for the other two, or
 * {@code sum}, {@code mean} or {@code max} for all three) and {@code dropout} (the
 * dropout rate before every layer: 0.0 to 0.8).
 *
 * <p>The string form is
 * {@code links=0112,op1=gcn,op2=gin,op3=fc,op4=cheb,hidden=256,aggregation=standard,dropout=0.5}.
 * Every NAS-Bench-Graph architecture maps to a {@code gnn} architecture with the same
 * links and operations ({@link #fromNasBenchGraph}). The space has
 * {@code 9 * 9^4 * 4 * 4 * 6 = 5,668,704} gene vectors.
 */
public final class GnnSpace {

    /** The space name. */
    public static final String NAME = "gnn";

    /** The name of the hidden-width choice. */
    public static final String HIDDEN = "hidden";

    /** The name of the neighbour-aggregation choice. */
    public static final String AGGREGATION = "aggregation";

    /** The name of the dropout choice. */
    public static final String DROPOUT = "dropout";

    /** The hidden widths. */
    public static final List<Integer> HIDDEN_SIZES = List.of(32, 64, 128, 256);

    /** The aggregation rules: {@code standard} keeps each operation's usual rule. */
    public static final List<String> AGGREGATIONS = List.of("standard", "sum", "mean", "max");

    /** The dropout rates. */
    public static final List<Double> DROPOUT_RATES = List.of(0.0, 0.2, 0.4, 0.5, 0.6, 0.8);

    /** The hidden width that {@link #fromNasBenchGraph(Architecture)} fills in. */
    public static final int DEFAULT_HIDDEN = 256;

    /** The dropout rate that {@link #fromNasBenchGraph(Architecture)} fills in. */
    public static final double DEFAULT_DROPOUT = 0.5;

    private static final ChoiceSpace SPACE = build();

    private GnnSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice.Categorical(NasBenchGraphSpace.LINKS,
                NasBenchGraphSpace.LINK_PATTERNS));
        for (int layer = 1; layer <= NasBenchGraphSpace.LAYERS; layer++) {
            choices.add(new Choice.Categorical(NasBenchGraphSpace.operationChoice(layer),
                    NasBenchGraphSpace.OPERATIONS));
        }
        choices.add(new Choice.Categorical(HIDDEN,
                HIDDEN_SIZES.stream().map(String::valueOf).toList()));
        choices.add(new Choice.Categorical(AGGREGATION, AGGREGATIONS));
        choices.add(new Choice.Categorical(DROPOUT,
                DROPOUT_RATES.stream().map(String::valueOf).toList()));
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Maps a NAS-Bench-Graph architecture to the {@code gnn} architecture with the same
     * links and operations, hidden width {@value #DEFAULT_HIDDEN}, aggregation
     * {@code standard} and dropout {@value #DEFAULT_DROPOUT}.
     *
     * @throws IllegalArgumentException when {@code architecture} is not of the
     *     {@code nasbench-graph} space
     */
    public static Architecture fromNasBenchGraph(Architecture architecture) {
        return fromNasBenchGraph(architecture, DEFAULT_HIDDEN, "standard", DEFAULT_DROPOUT);
    }

    /**
     * Maps a NAS-Bench-Graph architecture to the {@code gnn} architecture with the same
     * links and operations and the given training choices.
     *
     * @throws IllegalArgumentException when {@code architecture} is not of the
     *     {@code nasbench-graph} space or a value is not among the choice's options
     */
    public static Architecture fromNasBenchGraph(Architecture architecture, int hidden,
            String aggregation, double dropout) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NasBenchGraphSpace.NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '"
                    + NasBenchGraphSpace.NAME + "'");
        }
        List<Number> genes = new ArrayList<>(architecture.genes());
        genes.add(indexOf(HIDDEN, HIDDEN_SIZES, hidden));
        genes.add(indexOf(AGGREGATION, AGGREGATIONS, aggregation));
        genes.add(indexOf(DROPOUT, DROPOUT_RATES, dropout));
        return SPACE.of(genes);
    }

    /**
     * Returns the NAS-Bench-Graph architecture with the links and operations of a
     * {@code gnn} architecture.
     *
     * @throws IllegalArgumentException when {@code architecture} is not of this space
     */
    public static Architecture toNasBenchGraph(Architecture architecture) {
        checkMember(architecture);
        List<Number> genes = architecture.genes().subList(0, NasBenchGraphSpace.LAYERS + 1);
        return NasBenchGraphSpace.create().of(genes);
    }

    /**
     * Returns the input of each layer, layer 1 first: 0 for the graph input, {@code k}
     * for layer {@code k}.
     *
     * @throws IllegalArgumentException when {@code architecture} is not of this space
     */
    public static int[] inputs(Architecture architecture) {
        return NasBenchGraphSpace.inputs(toNasBenchGraph(architecture));
    }

    /**
     * Returns the operation of each layer, layer 1 first.
     *
     * @throws IllegalArgumentException when {@code architecture} is not of this space
     */
    public static List<String> operations(Architecture architecture) {
        return NasBenchGraphSpace.operations(toNasBenchGraph(architecture));
    }

    /** Returns the hidden width of {@code architecture}. */
    public static int hidden(Architecture architecture) {
        return Integer.parseInt(SPACE.option(checkMember(architecture), HIDDEN));
    }

    /** Returns the aggregation rule of {@code architecture}, one of {@link #AGGREGATIONS}. */
    public static String aggregation(Architecture architecture) {
        return SPACE.option(checkMember(architecture), AGGREGATION);
    }

    /** Returns the dropout rate of {@code architecture}. */
    public static double dropout(Architecture architecture) {
        return Double.parseDouble(SPACE.option(checkMember(architecture), DROPOUT));
    }

    private static <T> int indexOf(String choice, List<T> options, T value) {
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("invalid " + choice + " " + value
                    + " for space '" + NAME + "'; valid values are " + options);
        }
        return index;
    }

    private static Architecture checkMember(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        return architecture;
    }
}
