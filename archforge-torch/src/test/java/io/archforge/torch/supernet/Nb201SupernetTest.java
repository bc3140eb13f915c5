package io.archforge.torch.supernet;

import io.archforge.torch.nb201.Nb201Cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.train.ClosableSgd;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Nb201SupernetTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Architecture PATH = SPACE.parse("|nor_conv_3x3~0|+"
            + "|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");

    @Test
    void stepChangesOnlySampledPath() {
        SmallData.split();
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3);
                ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                        .setLearningRateTracker(new CosineSchedule(0.1f, 10))
                        .optMomentum(0.9f)
                        .optWeightDecays(5e-4f))) {
            Map<String, float[]> before = SmallData.snapshot(supernet);
            ImageBatches batches = new ImageBatches(SmallData.split().train(), 64, 0);

            new SupernetStep(supernet, optimizer, null, 0f)
                    .run(List.of(PATH), m -> batches.batch(m, 0));

            Map<String, float[]> after = SmallData.snapshot(supernet);
            SupernetNetwork network = (SupernetNetwork) supernet.block();
            int changedConvolutions = 0;
            for (Nb201Cell cell : network.cells()) {
                for (int edge = 0; edge < SPACE.edgeCount(); edge++) {
                    List<Block> operations = SupernetNetwork.choices(cell).get(edge).operations();
                    for (int op = 0; op < operations.size(); op++) {
                        for (Parameter parameter : operations.get(op).getParameters().values()) {
                            boolean same = Arrays.equals(before.get(parameter.getId()),
                                    after.get(parameter.getId()));
                            if (op != PATH.intGene(edge)) {
                                assertThat(same).as("off-path %s of edge %d, operation %d",
                                        parameter.getName(), edge, op).isTrue();
                            } else if (parameter.getType() == Parameter.Type.WEIGHT) {
                                assertThat(same).as("on-path weight of edge %d", edge)
                                        .isFalse();
                                changedConvolutions++;
                            }
                        }
                    }
                }
            }
            // Edges 0, 1 and 5 hold convolutions, in each of the three cells.
            assertThat(changedConvolutions).isEqualTo(9);
        }
    }

    @Test
    void stemChangesEveryStep() {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3);
                ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                        .setLearningRateTracker(new CosineSchedule(0.1f, 10)))) {
            Parameter stem = supernet.block().getChildren().get(0).getValue()
                    .getParameters().get(0).getValue();
            float[] before = stem.getArray().toFloatArray();
            ImageBatches batches = new ImageBatches(SmallData.split().train(), 64, 0);

            new SupernetStep(supernet, optimizer, null, 0f)
                    .run(List.of(PATH), m -> batches.batch(m, 0));

            assertThat(stem.getArray().toFloatArray()).isNotEqualTo(before);
        }
    }

    @Test
    void clippedStepHasMaximumNorm() {
        float learningRate = 0.1f;
        float maxNorm = 1e-3f;
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3);
                ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                        .setLearningRateTracker(new CosineSchedule(learningRate, 10)))) {
            Map<String, float[]> before = SmallData.snapshot(supernet);
            ImageBatches batches = new ImageBatches(SmallData.split().train(), 64, 0);

            new SupernetStep(supernet, optimizer, null, maxNorm)
                    .run(List.of(PATH), m -> batches.batch(m, 0));

            // Plain SGD moves the weights by the learning rate times the clipped gradient.
            double squares = 0;
            for (Parameter parameter : supernet.block().getParameters().values()) {
                if (!parameter.requiresGradient()) {
                    continue;
                }
                float[] old = before.get(parameter.getId());
                float[] now = parameter.getArray().toFloatArray();
                for (int i = 0; i < now.length; i++) {
                    squares += (double) (now[i] - old[i]) * (now[i] - old[i]);
                }
            }
            assertThat(Math.sqrt(squares)).isCloseTo(learningRate * maxNorm,
                    within(0.02 * learningRate * maxNorm));
        }
    }

    @Test
    void fairPathsCoverEachOperationOncePerEdge() {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3)) {
            SplittableRandom random = new SplittableRandom(11);
            for (int round = 0; round < 20; round++) {
                List<Architecture> paths = supernet.fairPaths(random);

                assertThat(paths).hasSize(SPACE.operations().size());
                for (int edge = 0; edge < SPACE.edgeCount(); edge++) {
                    Set<Integer> operations = new HashSet<>();
                    for (Architecture path : paths) {
                        operations.add(path.intGene(edge));
                    }
                    assertThat(operations).as("round %d, edge %d", round, edge)
                            .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
                }
            }
        }
    }

    @Test
    void fixedEdgeKeepsItsOperation() {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3);
                Nb201Supernet fixed = supernet.withEdgeFixed(3, 2)) {
            SplittableRandom random = new SplittableRandom(5);
            List<Architecture> paths = fixed.fairPaths(random);
            Architecture sampled = fixed.sample(random);

            assertThat(paths).allSatisfy(path -> assertThat(path.intGene(3)).isEqualTo(2));
            assertThat(paths).extracting(path -> path.intGene(0))
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(sampled.intGene(3)).isEqualTo(2);
            assertThat(fixed.fixedOperation(3)).hasValue(2);
            assertThat(fixed.fixedOperation(0)).isEmpty();
            assertThatThrownBy(() -> fixed.select(PATH))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0->3");
        }
    }

    @Test
    void copyStartsFromSameWeights() {
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3);
                Nb201Supernet copy = supernet.withEdgeFixed(3, 1)) {
            List<float[]> original = List.copyOf(SmallData.snapshot(supernet).values());
            List<float[]> copied = List.copyOf(SmallData.snapshot(copy).values());

            assertThat(copied).hasSameSizeAs(original);
            for (int k = 0; k < original.size(); k++) {
                assertThat(copied.get(k)).as("parameter %d", k).isEqualTo(original.get(k));
            }
        }
    }

    @Test
    void selectRejectsOtherSpace() {
        CellSpace other = new CellSpace("tiny", 3, List.of("none", "skip_connect"), "none",
                "skip_connect");
        try (Nb201Supernet supernet = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 3)) {
            Architecture foreign = other.sample(new SplittableRandom(1));

            assertThatThrownBy(() -> supernet.select(foreign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tiny");
        }
    }
}
