package io.archforge.torch.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FewShotSupernetTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final int EDGE = FewShotSupernet.DEFAULT_SPLIT_EDGE;

    private static FewShotSupernet fewShot;
    private static Map<String, float[]> parentWeights;

    @BeforeAll
    static void split() {
        // One step per sub-supernet: 64 training images, batch 64.
        DataSplit full = SmallData.split();
        int[] first = new int[64];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        DataSplit tiny = new DataSplit(full.train().select(first), full.validation());
        SupernetTrainer trainer = new SupernetTrainer(new SupernetTraining(1, 64, 0.1f, 0.9f,
                5e-4f, PathSampling.UNIFORM));
        try (Nb201Supernet parent = Nb201Supernet.create(SmallData.INPUT,
                Nb201Skeleton.SEARCH, 8)) {
            parentWeights = SmallData.snapshot(parent);
            fewShot = FewShotSupernet.split(parent, EDGE, trainer, tiny, 8, new TestContext());
        }
    }

    @Test
    void selectRoutesBySplitEdge() {
        SplittableRandom random = new SplittableRandom(2);
        for (int round = 0; round < 20; round++) {
            Architecture architecture = SPACE.sample(random);

            fewShot.select(architecture);

            Nb201Supernet expected = fewShot.child(architecture.intGene(EDGE));
            assertThat(fewShot.block()).as("round %d", round).isSameAs(expected.block());
            assertThat(fewShot.manager()).isSameAs(expected.manager());
            assertThat(fewShot.selected()).isEqualTo(architecture);
            assertThat(expected.selected()).isEqualTo(architecture);
        }
    }

    @Test
    void childrenKeepTheirOperation() {
        SplittableRandom random = new SplittableRandom(4);
        for (int operation = 0; operation < SPACE.operations().size(); operation++) {
            Nb201Supernet child = fewShot.child(operation);
            Architecture other = withGene(child.sample(random), EDGE, (operation + 1) % 5);

            assertThat(child.fixedOperation(EDGE)).hasValue(operation);
            assertThat(child.sample(random).intGene(EDGE)).isEqualTo(operation);
            assertThatThrownBy(() -> child.select(other))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void childrenTrainApart() {
        List<float[]> parent = List.copyOf(parentWeights.values());
        List<float[]> first = List.copyOf(SmallData.snapshot(fewShot.child(0)).values());
        List<float[]> second = List.copyOf(SmallData.snapshot(fewShot.child(1)).values());

        // The stem convolution is parameter 0 and every path trains it.
        assertThat(first.get(0)).isNotEqualTo(parent.get(0));
        assertThat(second.get(0)).isNotEqualTo(first.get(0));
        assertThat(fewShot.trainingResults()).hasSize(5);
        assertThat(fewShot.trainingResults()).allSatisfy(
                result -> assertThat(result.steps()).isEqualTo(1));
    }

    private static Architecture withGene(Architecture architecture, int edge, int operation) {
        List<Integer> genes = new ArrayList<>();
        for (int k = 0; k < SPACE.edgeCount(); k++) {
            genes.add(k == edge ? operation : architecture.intGene(k));
        }
        return SPACE.of(genes);
    }
}
