package io.archforge.torch.supernet;

/** The rule by which a supernet training step picks the paths it trains. */
public enum PathSampling {

    /**
     * One path per step, each operation of each edge drawn uniformly: single-path
     * one-shot training (Guo et al., "Single Path One-Shot Neural Architecture Search
     * with Uniform Sampling", ECCV 2020).
     */
    UNIFORM,

    /**
     * The {@link Supernet#fairPaths} per step, whose gradients add up before one update,
     * so every operation of every edge is trained on every batch: strict fairness (Chu et
     * al., "FairNAS: Rethinking Evaluation Fairness of Weight Sharing Neural Architecture
     * Search", ICCV 2021). A step costs as many forward and backward passes as there are
     * paths.
     */
    FAIR
}
