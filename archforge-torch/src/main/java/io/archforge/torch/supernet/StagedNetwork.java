package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * A network built of stages whose outputs can be read, so that a teacher network can
 * supervise a student stage by stage.
 */
public interface StagedNetwork {

    /** Returns the number of stages. */
    int stageCount();

    /**
     * Runs the network on {@code images} and returns the logits followed by the output of
     * each stage, {@code stageCount() + 1} arrays in all.
     *
     * @param training whether batch norm uses the batch statistics and updates its running
     *     statistics
     */
    NDList forwardStages(ParameterStore parameters, NDArray images, boolean training);
}
