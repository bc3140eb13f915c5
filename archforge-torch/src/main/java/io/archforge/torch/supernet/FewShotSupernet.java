package io.archforge.torch.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.torch.data.DataSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained supernet split on one edge into one sub-supernet per operation of that edge
 * (Zhao et al., "Few-shot Neural Architecture Search", ICML 2021). Each sub-supernet
 * starts from a copy of the trained weights and trains further with the edge fixed, so
 * operations of that edge no longer share the weights of the rest of the network.
 *
 * <p>As a {@link Supernet} it covers the whole space: {@link #select} routes to the
 * sub-supernet of the architecture's operation on the split edge, and {@link #block()}
 * and {@link #manager()} are then that sub-supernet's. Sampling draws from the whole
 * space. Closing it closes the sub-supernets, not the supernet it was split from.
 */
public final class FewShotSupernet implements Supernet {

    /**
     * The edge split by default: 0->3 (gene 3), the edge from the cell input straight to
     * the output. It is the one edge whose operation reaches the output in every
     * architecture, whatever the other edges hold; any other edge is cut off when the
     * edges around it are {@code none}.
     */
    public static final int DEFAULT_SPLIT_EDGE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(FewShotSupernet.class);

    private final CellSpace space;
    private final int edge;
    private final List<Nb201Supernet> children;
    private final List<SupernetTrainingResult> results;
    private final PathSampler sampler;
    private Nb201Supernet current;

    private FewShotSupernet(CellSpace space, int edge, List<Nb201Supernet> children,
            List<SupernetTrainingResult> results) {
        this.space = space;
        this.edge = edge;
        this.children = List.copyOf(children);
        this.results = List.copyOf(results);
        this.sampler = new PathSampler(space);
        this.current = children.get(0);
    }

    /**
     * Splits {@code trained} on {@code edge} and trains each sub-supernet with {@code
     * trainer} on {@code data}. The sub-supernet of operation {@code k} trains with a
     * seed derived from {@code seed} and {@code k}. {@code trained} is left unchanged.
     *
     * @param edge the edge index in gene order, 0 to 5
     * @throws IllegalArgumentException when the edge is out of range or already fixed
     */
    public static FewShotSupernet split(Nb201Supernet trained, int edge,
            SupernetTrainer trainer, DataSplit data, long seed, EvaluationContext context) {
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(trainer, "trainer");
        CellSpace space = (CellSpace) trained.space().unrestricted();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Nb201Supernet> children = new ArrayList<>();
        List<SupernetTrainingResult> results = new ArrayList<>();
        try {
            for (int operation = 0; operation < space.operations().size(); operation++) {
                Nb201Supernet child = trained.withEdgeFixed(edge, operation);
                children.add(child);
                LOG.info("Training the sub-supernet with {} on edge {}",
                        space.operations().get(operation), space.edges().get(edge));
                results.add(trainer.train(child, data, seeds.nextLong(), context));
            }
        } catch (RuntimeException e) {
            children.forEach(Nb201Supernet::close);
            throw e;
        }
        return new FewShotSupernet(space, edge, children, results);
    }

    /** Returns the split edge's index in gene order. */
    public int splitEdge() {
        return edge;
    }

    /** Returns the sub-supernet whose split edge has operation {@code operation}. */
    public Nb201Supernet child(int operation) {
        return children.get(operation);
    }

    /** Returns the training result of each sub-supernet, in operation order. */
    public List<SupernetTrainingResult> trainingResults() {
        return results;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** Returns the block of the sub-supernet that the selected architecture routes to. */
    @Override
    public Block block() {
        return current.block();
    }

    /** Returns the manager of the sub-supernet that the selected architecture routes to. */
    @Override
    public NDManager manager() {
        return current.manager();
    }

    @Override
    public void select(Architecture architecture) {
        sampler.check(architecture);
        Nb201Supernet child = children.get(architecture.intGene(edge));
        child.select(architecture);
        current = child;
    }

    @Override
    public Architecture selected() {
        return current.selected();
    }

    @Override
    public Architecture sample(RandomGenerator random) {
        return sampler.sample(random);
    }

    @Override
    public List<Architecture> fairPaths(RandomGenerator random) {
        return sampler.fairPaths(random);
    }

    @Override
    public void close() {
        children.forEach(Nb201Supernet::close);
    }

    @Override
    public String toString() {
        return "few-shot " + children.get(0) + ", split on edge " + space.edges().get(edge)
                + " into " + children.size();
    }
}
