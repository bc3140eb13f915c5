package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The one-shot supernet of the NAS-Bench-201 cell space: every cell edge contains all five
 * operations, and the selected architecture's cell is used in every cell of the network,
 * as NAS-Bench-201 repeats one cell. The stem, the reductions and the head are shared by
 * all paths.
 *
 * <p>Some edges may be fixed to one operation ({@link #withEdgeFixed}, {@link #fixed}).
 * Then {@link #sample}, {@link #fairPaths} and {@link #select} keep to those operations.
 *
 * <p>Parameters are initialized as {@link Trainer#initialize} does for stand-alone
 * networks, from the engine's random generator seeded with the seed. That generator is
 * shared by the process, so another thread that draws from it at the same time makes the
 * weights irreproducible. Not safe for concurrent use.
 */
public final class Nb201Supernet implements Supernet, StagedNetwork {

    private final Nb201NetworkBuilder builder;
    private final PathSampler sampler;
    private final PathSelection selection;
    private final SupernetNetwork network;
    private final NDManager manager;
    private Architecture selected;

    private Nb201Supernet(Nb201NetworkBuilder builder, PathSampler sampler, Long seed) {
        this.builder = builder;
        this.sampler = sampler;
        CellSpace space = sampler.space();
        this.selection = new PathSelection(space.edgeCount());
        this.network = new SupernetNetwork(builder, space, selection);
        this.manager = DjlRuntime.engine().newBaseManager();
        try {
            if (seed == null) {
                network.initialize(manager, DataType.FLOAT32, builder.input().batchShape(1));
            } else {
                Trainer.initialize(network, manager, builder.input().batchShape(1), seed);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        select(sampler.sample(new SplittableRandom(0)));
    }

    /**
     * Creates a supernet of the whole space, initialized from {@code seed}.
     *
     * @param input the images and classes
     * @param skeleton the network around the cells
     */
    public static Nb201Supernet create(Nb201Input input, Nb201Skeleton skeleton, long seed) {
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(input).withSkeleton(skeleton);
        return new Nb201Supernet(builder, new PathSampler(CellSpace.nb201()), seed);
    }

    /**
     * Creates a supernet with every edge fixed to the operation of {@code cell}: the
     * stand-alone network of that cell, which trains like any network and serves as a
     * teacher of {@link StageDistillation}.
     *
     * @throws IllegalArgumentException when the cell is not of the nb201 space
     */
    public static Nb201Supernet fixed(Nb201Input input, Nb201Skeleton skeleton,
            Architecture cell, long seed) {
        CellSpace space = CellSpace.nb201();
        PathSampler sampler = new PathSampler(space);
        int[] indices = sampler.check(cell);
        for (int edge = 0; edge < indices.length; edge++) {
            sampler = sampler.withFixed(edge, indices[edge]);
        }
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(input).withSkeleton(skeleton);
        return new Nb201Supernet(builder, sampler, seed);
    }

    /**
     * Creates a supernet that starts from a copy of this one's weights and batch-norm
     * statistics and keeps operation {@code operation} (a gene index) on {@code edge}
     * (in gene order), as the sub-supernets of few-shot search do. The copy has its
     * own manager, which its {@link #close} frees.
     *
     * @throws IllegalArgumentException when the edge or the operation is out of range
     */
    public Nb201Supernet withEdgeFixed(int edge, int operation) {
        Nb201Supernet copy = new Nb201Supernet(builder, sampler.withFixed(edge, operation),
                null);
        try {
            copy.copyParametersFrom(this);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    private void copyParametersFrom(Nb201Supernet source) {
        PairList<String, Parameter> from = source.network.getParameters();
        PairList<String, Parameter> to = network.getParameters();
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            for (int k = 0; k < to.size(); k++) {
                Pair<String, Parameter> target = to.get(k);
                Pair<String, Parameter> origin = from.get(k);
                if (!target.getKey().equals(origin.getKey())) {
                    throw new IllegalStateException("parameter " + k + " is "
                            + origin.getKey() + " in the source but " + target.getKey()
                            + " in the copy");
                }
                NDArray array = target.getValue().getArray();
                array.subi(array).addi(origin.getValue().getArray());
            }
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Returns the images and classes the network takes. */
    public Nb201Input input() {
        return builder.input();
    }

    /** Returns the network around the cells. */
    public Nb201Skeleton skeleton() {
        return builder.skeleton();
    }

    /** Returns the operation index {@code edge} is fixed to, or empty when it is free. */
    public OptionalInt fixedOperation(int edge) {
        return sampler.fixedOperation(edge);
    }

    @Override
    public SearchSpace space() {
        return sampler.space();
    }

    @Override
    public Block block() {
        return network;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when the architecture puts another operation
     *     on a fixed edge
     */
    @Override
    public void select(Architecture architecture) {
        selection.set(sampler.check(architecture));
        selected = architecture;
    }

    @Override
    public Architecture selected() {
        return selected;
    }

    @Override
    public Architecture sample(RandomGenerator random) {
        return sampler.sample(random);
    }

    /** Returns five paths; an edge that is fixed has its operation in all of them. */
    @Override
    public List<Architecture> fairPaths(RandomGenerator random) {
        return sampler.fairPaths(random);
    }

    @Override
    public int stageCount() {
        return Nb201Skeleton.STAGES;
    }

    @Override
    public NDList forwardStages(ParameterStore parameters, NDArray images, boolean training) {
        Objects.requireNonNull(images, "images");
        return network.forwardStages(parameters, new NDList(images), training, null);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        Nb201Skeleton skeleton = builder.skeleton();
        return "nb201 supernet, " + skeleton.channels() + " channels, "
                + skeleton.cellsPerStage() + " cells per stage";
    }
}
