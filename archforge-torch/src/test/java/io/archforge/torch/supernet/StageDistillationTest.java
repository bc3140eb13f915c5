package io.archforge.torch.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StageDistillationTest {

    private static final Architecture TEACHER_CELL = CellSpace.nb201().parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+"
                    + "|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");
    private static final SupernetTraining TRAINING =
            new SupernetTraining(2, 64, 0.1f, 0.9f, 5e-4f, PathSampling.UNIFORM);

    @Test
    void distillationLowersStageLoss() {
        try (Nb201Supernet teacher = Nb201Supernet.fixed(SmallData.INPUT,
                Nb201Skeleton.SEARCH, TEACHER_CELL, 1)) {
            new SupernetTrainer(TRAINING).train(teacher, SmallData.split(), 1,
                    new TestContext());
            // Inference mode needs running statistics of the trained weights.
            new InheritedWeights(SmallData.split(), 2, 64)
                    .accuracy(teacher, TEACHER_CELL, new TestContext());

            SupernetTrainingResult distilled = trainStudent(teacher, 1f);
            SupernetTrainingResult control = trainStudent(teacher, 0f);

            assertThat(distilled.epochStageLosses()).hasSize(2);
            assertThat(distilled.epochStageLosses()).allSatisfy(loss -> assertThat(loss)
                    .isFinite().isPositive());
            assertThat(distilled.epochLosses()).allSatisfy(loss -> assertThat(loss)
                    .isFinite());
            assertThat(distilled.epochStageLosses().get(1))
                    .isLessThan(distilled.epochStageLosses().get(0));
            assertThat(distilled.epochStageLosses().get(1))
                    .isLessThan(control.epochStageLosses().get(1));
        }
    }

    /**
     * Trains a network of the teacher's cell from other initial weights, so that only
     * the weights and not the path separate it from the teacher.
     */
    private static SupernetTrainingResult trainStudent(Nb201Supernet teacher, float weight) {
        try (Nb201Supernet student = Nb201Supernet.fixed(SmallData.INPUT,
                Nb201Skeleton.SEARCH, TEACHER_CELL, 2)) {
            return new SupernetTrainer(TRAINING)
                    .withDistillation(new StageDistillation(teacher, weight))
                    .train(student, SmallData.split(), 2, new TestContext());
        }
    }

    @Test
    void fixedTeacherSamplesItsCell() {
        try (Nb201Supernet teacher = Nb201Supernet.fixed(SmallData.INPUT,
                Nb201Skeleton.SEARCH, TEACHER_CELL, 1)) {
            assertThat(teacher.sample(new SplittableRandom(3))).isEqualTo(TEACHER_CELL);
            assertThat(teacher.selected()).isEqualTo(TEACHER_CELL);
        }
    }

    @Test
    void negativeWeightIsRejected() {
        try (Nb201Supernet teacher = Nb201Supernet.fixed(SmallData.INPUT,
                Nb201Skeleton.SEARCH, TEACHER_CELL, 1)) {
            assertThatThrownBy(() -> new StageDistillation(teacher, -1f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1.0");
        }
    }
}
