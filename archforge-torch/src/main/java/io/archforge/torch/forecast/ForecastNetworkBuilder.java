package io.archforge.torch.forecast;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import io.archforge.space.Architecture;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.space.ForecastingSpace.Normalization;
import java.util.Objects;

/**
 * Builds the {@link ForecastNetwork} of a {@value ForecastingSpace#NAME} architecture:
 * a block mapping input [batch, lookback] to output [batch, horizon]. Blocks are built
 * uninitialized. Initialize them with an input of shape [batch, lookback].
 */
public final class ForecastNetworkBuilder {

    private ForecastNetworkBuilder() {
    }

    /**
     * Builds the network of {@code architecture}.
     *
     * @param lookback the input steps of each window; the network reads the fraction of
     *     them that the architecture's {@code lookback} choice gives
     * @param horizon the forecast steps
     * @throws IllegalArgumentException when the architecture is of another space or the
     *     lookback or horizon is not positive
     */
    public static ForecastNetwork build(Architecture architecture, int lookback, int horizon) {
        return build(ForecastingSpace.design(architecture), lookback, horizon);
    }

    /**
     * Builds the network of {@code design}, as {@link #build(Architecture, int, int)} does.
     *
     * @throws IllegalArgumentException when the lookback or horizon is not positive
     */
    public static ForecastNetwork build(Design design, int lookback, int horizon) {
        Objects.requireNonNull(design, "design");
        int steps = design.lookback().steps(lookback);
        float dropout = (float) design.dropout();
        Block encoder = switch (design.block()) {
            case MLP -> new MlpEncoder(design.hidden(), design.depth(), dropout);
            case GRU -> new RecurrentEncoder(false, design.hidden(), design.depth(), dropout);
            case LSTM -> new RecurrentEncoder(true, design.hidden(), design.depth(), dropout);
            case TCN -> new TemporalConvEncoder(design.hidden(), design.depth(), dropout);
            case ATTENTION -> new AttentionEncoder(steps, design.hidden(), design.depth(),
                    dropout);
        };
        return new ForecastNetwork(lookback, steps, horizon, encoder,
                design.normalization() == Normalization.REVIN);
    }

    /**
     * Builds the linear baseline: one linear map from the {@code lookback} values to the
     * {@code horizon} values, the "Linear" model of Zeng et al., "Are Transformers
     * Effective for Time Series Forecasting?" (AAAI 2023).
     *
     * @param revin whether the baseline normalises each window and undoes it
     */
    public static ForecastNetwork linear(int lookback, int horizon, boolean revin) {
        return new ForecastNetwork(lookback, lookback, horizon, Blocks.identityBlock(), revin);
    }
}
