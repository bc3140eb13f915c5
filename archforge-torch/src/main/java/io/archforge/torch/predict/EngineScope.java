package io.archforge.torch.predict;

import io.archforge.torch.train.DjlRuntime;

/**
 * Runs engine work with one intra-op thread and a chosen autograd mode, and restores
 * both on close.
 *
 * <p>One thread makes every reduction add in the same order, so a fit replays exactly.
 * PyTorch's intra-op thread count is one setting for the whole process, so other
 * threads that run operators meanwhile also run on one thread, and the count they see
 * after close is the one read at open.
 */
final class EngineScope implements AutoCloseable {

    private final int previousThreads;
    private final boolean previousGradMode;

    private EngineScope(boolean gradMode) {
        previousThreads = DjlRuntime.threads();
        DjlRuntime.setThreads(1);
        previousGradMode = DjlRuntime.setGradMode(gradMode);
    }

    /** Starts the engine if needed and opens a scope with autograd on for training. */
    static EngineScope training() {
        return new EngineScope(true);
    }

    /** Starts the engine if needed and opens a scope with autograd off for inference. */
    static EngineScope inference() {
        return new EngineScope(false);
    }

    @Override
    public void close() {
        DjlRuntime.setGradMode(previousGradMode);
        DjlRuntime.setThreads(previousThreads);
    }
}
