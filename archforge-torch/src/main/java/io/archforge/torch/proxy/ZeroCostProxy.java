package io.archforge.torch.proxy;

import ai.djl.ndarray.NDManager;

/**
 * A score of an untrained network that predicts how well the trained network will do,
 * computed from its initial weights and at most one batch, in well under a second.
 * Each implementation documents its source and whether a higher score predicts a
 * better network. Scores are deterministic for a given {@link ProxyInput}.
 *
 * <p>The definitions follow the zero-cost evaluation of Abdelfattah, Mehrotra, Dudziak,
 * Lee and Lane, "Zero-Cost Proxies for Lightweight NAS" (ICLR 2021), as implemented in
 * NASLib, whose NAS-Bench-201 scores Archforge compares against: batch norm in
 * training mode (batch statistics), softmax cross-entropy loss, and sums over the
 * weights of every convolution and linear layer.
 */
public sealed interface ZeroCostProxy permits ParamsProxy, FlopsProxy, SynflowProxy,
        SnipProxy, GradNormProxy, FisherProxy, GraspProxy, JacovProxy, NwotProxy {

    /** The registry name, such as {@code synflow}. */
    String name();

    /** Whether the score depends on the batch's images or labels. */
    boolean dataDependent();

    /**
     * Computes the score. Every array it creates belongs to {@code manager}, which the
     * caller closes.
     *
     * @throws ProxyComputationException when the score is NaN or infinite
     */
    double compute(ProxyInput input, NDManager manager);
}
