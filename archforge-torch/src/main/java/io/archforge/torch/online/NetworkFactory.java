package io.archforge.torch.online;

import ai.djl.nn.Block;
import io.archforge.space.Architecture;

/** Builds the uninitialised forecasting network of an architecture. */
@FunctionalInterface
public interface NetworkFactory {

    /**
     * Builds a network that maps windows of shape (batch, lookback) to forecasts of shape
     * (batch, horizon).
     *
     * @throws IllegalArgumentException when the architecture is of a space the factory
     *     does not build
     */
    Block build(Architecture architecture, int lookback, int horizon);
}
