package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;
import java.util.Objects;

/**
 * Stage-wise supervision of a supernet by a trained teacher network, in the spirit of
 * block-wise distillation (Li et al., "Block-wisely Supervised Neural Architecture
 * Search with Knowledge Distillation", CVPR 2020, the DNA method). The student's loss
 * becomes the cross-entropy plus {@code weight} times the stage loss: the mean over
 * stages of the mean-squared error between the student's and the teacher's stage
 * outputs, each divided by the mean square of the teacher's output. The division makes
 * every stage count alike whatever the scale of its features, and keeps the weight
 * meaningful across skeletons. With the plain error the later, larger stages dominated,
 * and uniform supernet training at learning rate 0.1 with weight 1 diverged on a few
 * hundred Fashion-MNIST images.
 *
 * <p>Unlike DNA, which trains each student block on its own with the teacher's previous
 * block output as input, this adds the stage losses to the end-to-end loss, so every
 * stage still receives its own predecessor's output. The teacher and the student must have
 * stage outputs of the same shapes. An {@link Nb201Supernet#fixed} network of the teacher
 * cell in the student's skeleton, trained with {@link SupernetTrainer}, has them. The
 * teacher runs in inference mode with autograd off, once per batch, so its batch norms
 * need running statistics that fit its weights, such as those {@link
 * InheritedWeights#accuracy} leaves.
 *
 * @param teacher the trained network whose stage outputs are the targets
 * @param weight the factor of the stage loss, at least 0
 */
public record StageDistillation(StagedNetwork teacher, float weight) {

    public StageDistillation {
        Objects.requireNonNull(teacher, "teacher");
        if (!(weight >= 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("distillation weight must be finite and at"
                    + " least 0, got " + weight);
        }
    }

    /** Returns the teacher's stage outputs for {@code images}, in {@code images}' manager. */
    NDList teacherStages(NDArray images) {
        boolean previous = DjlRuntime.setGradMode(false);
        try {
            ParameterStore store = new ParameterStore(images.getManager(), false);
            NDList outputs = teacher.forwardStages(store, images, false);
            return outputs.subNDList(1);
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Returns the mean over stages of the mean-squared error between the student's stage
     * outputs and the teacher's, each divided by the mean square of the teacher's output.
     *
     * @param student the student's logits followed by its stage outputs
     * @param teacherStages the teacher's stage outputs
     */
    NDArray stageLoss(NDList student, NDList teacherStages) {
        if (student.size() != teacherStages.size() + 1) {
            throw new IllegalArgumentException("the student has " + (student.size() - 1)
                    + " stages but the teacher has " + teacherStages.size());
        }
        NDArray sum = null;
        for (int stage = 0; stage < teacherStages.size(); stage++) {
            NDArray target = teacherStages.get(stage);
            NDArray error = student.get(stage + 1).sub(target).square().mean()
                    .div(target.square().mean());
            sum = sum == null ? error : sum.add(error);
        }
        // A scalar array in libtorch memory, not div(Number): autograd keeps the divisor
        // for the backward pass, and DJL 0.36 frees a Number's buffer at once.
        NDArray count = sum.getManager().full(new Shape(), teacherStages.size(),
                DataType.FLOAT32);
        return sum.div(count);
    }
}
