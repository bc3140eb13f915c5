package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * A univariate forecasting network: input [batch, lookback], output [batch, horizon].
 *
 * <p>The network reads the last {@code steps} values of each window, normalises them
 * when it has reversible instance normalisation (RevIN: subtract the window mean, divide
 * by the window standard deviation, then apply a learned scale and shift), runs its
 * encoder, maps the encoder's features to the horizon with a linear head, and undoes the
 * normalisation on that forecast.
 *
 * <p>Parameter names are fixed by role: {@code revin_weight} and {@code revin_bias} for
 * the normalisation, names under {@code 01encoder} for the encoder and {@code 02head_}
 * for the head. Two networks that share a block type therefore share the names of the
 * layers they have in common.
 */
public final class ForecastNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-5f;

    private final int lookback;
    private final int steps;
    private final int horizon;
    private final Block encoder;
    private final Block head;
    private final Optional<Parameter> revinWeight;
    private final Optional<Parameter> revinBias;

    /**
     * Creates a network.
     *
     * @param lookback the input steps of each window
     * @param steps the last steps the network reads, at most {@code lookback}
     * @param horizon the forecast steps
     * @param encoder maps [batch, steps] to [batch, features]
     * @param revin whether the network normalises each window and undoes it
     */
    ForecastNetwork(int lookback, int steps, int horizon, Block encoder, boolean revin) {
        super(VERSION);
        if (steps < 1 || steps > lookback || horizon < 1) {
            throw new IllegalArgumentException("need 1 <= steps <= lookback and horizon >= 1,"
                    + " got steps " + steps + ", lookback " + lookback + ", horizon " + horizon);
        }
        this.lookback = lookback;
        this.steps = steps;
        this.horizon = horizon;
        this.encoder = addChildBlock("encoder", encoder);
        this.head = addChildBlock("head", Linear.builder().setUnits(horizon).build());
        this.revinWeight = revin ? Optional.of(addParameter(scalar("revin_weight", 1)))
                : Optional.empty();
        this.revinBias = revin ? Optional.of(addParameter(scalar("revin_bias", 0)))
                : Optional.empty();
    }

    private static Parameter scalar(String name, float initial) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(initial))
                .build();
    }

    /** Returns the input steps of each window. */
    public int lookback() {
        return lookback;
    }

    /** Returns the last input steps the network reads. */
    public int steps() {
        return steps;
    }

    /** Returns the forecast steps. */
    public int horizon() {
        return horizon;
    }

    /** Returns whether the network has reversible instance normalisation. */
    public boolean hasRevin() {
        return revinWeight.isPresent();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray window = steps == lookback ? input
                : input.get(new NDIndex(":, {}:", lookback - steps));
        if (revinWeight.isEmpty()) {
            return forecast(parameterStore, window, training);
        }

        // Normalise each window; the scalars stay open for the backward pass
        NDManager manager = input.getManager();
        NDArray epsilon = manager.create(EPSILON);
        NDArray weight = parameterStore.getValue(revinWeight.get(), input.getDevice(), training);
        NDArray bias = parameterStore.getValue(revinBias.get(), input.getDevice(), training);
        NDArray mean = window.mean(new int[] {1}, true);
        NDArray centred = window.sub(mean);
        NDArray deviation = centred.square().mean(new int[] {1}, true).add(epsilon).sqrt();
        NDArray normalised = centred.div(deviation).mul(weight).add(bias);

        // Forecast, then undo the normalisation
        NDArray output = forecast(parameterStore, normalised, training).singletonOrThrow();
        NDArray restored = output.sub(bias).div(weight.add(epsilon)).mul(deviation).add(mean);
        return new NDList(restored);
    }

    private NDList forecast(ParameterStore parameterStore, NDArray window, boolean training) {
        NDList features = encoder.forward(parameterStore, new NDList(window), training);
        return head.forward(parameterStore, features, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape window = new Shape(inputShapes[0].get(0), steps);
        encoder.initialize(manager, dataType, window);
        head.initialize(manager, dataType, encoder.getOutputShapes(new Shape[] {window}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), horizon)};
    }
}
