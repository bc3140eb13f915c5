package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Cell;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole NAS-Bench-201 supernet: the stem, three stages of {@link Nb201Cell}s of {@link ChoiceEdge}s with
 * a residual reduction before the second and the third, and the head. The blocks come
 * from {@link Nb201NetworkBuilder}, so a path computes what the stand-alone network of
 * its cell computes.
 */
final class SupernetNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block stem;
    private final List<Block> reductions = new ArrayList<>();
    private final List<SequentialBlock> stages = new ArrayList<>();
    private final Block head;
    private final List<Nb201Cell> cells = new ArrayList<>();

    /** Builds the uninitialized supernet whose edges all read {@code selection}. */
    SupernetNetwork(Nb201NetworkBuilder builder, CellSpace space, PathSelection selection) {
        super(VERSION);
        Nb201Skeleton skeleton = builder.skeleton();
        stem = addChildBlock("stem", builder.stem());
        for (int stage = 0; stage < Nb201Skeleton.STAGES; stage++) {
            int channels = skeleton.stageChannels(stage);
            if (stage > 0) {
                reductions.add(addChildBlock("reduction" + stage,
                        builder.reduction(channels / 2)));
            }
            SequentialBlock cellsOfStage = new SequentialBlock();
            for (int cell = 0; cell < skeleton.cellsPerStage(); cell++) {
                Nb201Cell built = cell(builder, space, selection, channels);
                cells.add(built);
                cellsOfStage.add(built);
            }
            stages.add(addChildBlock("stage" + stage, cellsOfStage));
        }
        head = addChildBlock("head", builder.head());
    }

    private static Nb201Cell cell(Nb201NetworkBuilder builder, CellSpace space,
            PathSelection selection, int channels) {
        List<ChoiceEdge> choices = new ArrayList<>();
        for (int edge = 0; edge < space.edgeCount(); edge++) {
            List<Block> operations = new ArrayList<>();
            for (String name : space.operations()) {
                operations.add(builder.operation(name, channels));
            }
            choices.add(new ChoiceEdge(edge, selection, space.operations(), operations));
        }
        return new Nb201Cell(space.nodes(), space.edges(), choices);
    }

    /** Returns every cell, stage by stage. */
    List<Nb201Cell> cells() {
        return List.copyOf(cells);
    }

    /**
     * Runs the network and returns the logits followed by the output of each stage,
     * taken after its last cell.
     */
    NDList forwardStages(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList current = stem.forward(parameterStore, inputs, training, params);
        NDList outputs = new NDList();
        for (int stage = 0; stage < stages.size(); stage++) {
            if (stage > 0) {
                current = reductions.get(stage - 1).forward(parameterStore, current, training,
                        params);
            }
            current = stages.get(stage).forward(parameterStore, current, training, params);
            outputs.add(current.singletonOrThrow());
        }
        NDArray logits = head.forward(parameterStore, current, training, params)
                .singletonOrThrow();
        outputs.add(0, logits);
        return outputs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        return new NDList(forwardStages(parameterStore, inputs, training, params).get(0));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, shapes);
            shapes = child.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : getChildren().values()) {
            shapes = child.getOutputShapes(shapes);
        }
        return shapes;
    }

    /** Returns the choice blocks of {@code cell}'s edges, in gene order. */
    static List<ChoiceEdge> choices(Nb201Cell cell) {
        List<ChoiceEdge> choices = new ArrayList<>();
        for (Block operation : cell.operations()) {
            choices.add((ChoiceEdge) operation);
        }
        return choices;
    }
}
