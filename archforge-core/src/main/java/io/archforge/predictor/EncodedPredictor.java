package io.archforge.predictor;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.surrogate.Surrogate;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A predictor that encodes architectures as feature vectors and fits a
 * {@link Surrogate} to them: a Gaussian process, a tree ensemble or an MLP ensemble on
 * the one-hot, adjacency, path or text encoding.
 *
 * <p>Every fit creates a new surrogate from a generator seeded with the predictor's
 * seed, so refitting the same data gives the same predictions. A predictor made by
 * {@link #drawingFrom} instead draws from a generator its caller owns.
 */
public final class EncodedPredictor implements Predictor {

    private final String name;
    private final SearchSpace space;
    private final Encoder encoder;
    private final Function<RandomGenerator, Surrogate> surrogates;
    private final int minTrainingSize;
    private final Supplier<RandomGenerator> generators;
    private Surrogate surrogate;

    /**
     * Creates the predictor.
     *
     * @param name the predictor's name
     * @param space the space the encoder reads
     * @param encoder the encoding of {@code space}
     * @param surrogates creates an unfitted surrogate that draws from the given generator
     * @param minTrainingSize the fewest architectures a fit accepts, at least 1
     * @param seed the seed of every fit
     */
    public EncodedPredictor(String name, SearchSpace space, Encoder encoder,
            Function<RandomGenerator, Surrogate> surrogates, int minTrainingSize, long seed) {
        this(name, space, encoder, surrogates, minTrainingSize, () -> new SplittableRandom(seed));
    }

    private EncodedPredictor(String name, SearchSpace space, Encoder encoder,
            Function<RandomGenerator, Surrogate> surrogates, int minTrainingSize,
            Supplier<RandomGenerator> generators) {
        this.name = Objects.requireNonNull(name, "name");
        this.space = Objects.requireNonNull(space, "space");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.surrogates = Objects.requireNonNull(surrogates, "surrogates");
        if (minTrainingSize < 1) {
            throw new IllegalArgumentException("minTrainingSize must be at least 1, got "
                    + minTrainingSize);
        }
        this.minTrainingSize = minTrainingSize;
        this.generators = generators;
    }

    /**
     * Creates a predictor whose fits draw from {@code random}, a generator the caller owns
     * and advances, so that two fits agree only when the generator was in the same state.
     * A search strategy uses it to draw every random number from its trial's generator.
     *
     * @param name the predictor's name
     * @param space the space the encoder reads
     * @param encoder the encoding of {@code space}
     * @param surrogates creates an unfitted surrogate that draws from the given generator
     * @param minTrainingSize the fewest architectures a fit accepts, at least 1
     * @param random the generator every fit draws from
     */
    public static EncodedPredictor drawingFrom(String name, SearchSpace space, Encoder encoder,
            Function<RandomGenerator, Surrogate> surrogates, int minTrainingSize,
            RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new EncodedPredictor(name, space, encoder, surrogates, minTrainingSize,
                () -> random);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** Returns the encoder the surrogate reads. */
    public Encoder encoder() {
        return encoder;
    }

    @Override
    public int minTrainingSize() {
        return minTrainingSize;
    }

    @Override
    public void fit(List<Architecture> architectures, double[] targets) {
        TrainingSets.check(this, architectures, targets);
        List<double[]> inputs = new ArrayList<>(architectures.size());
        for (Architecture architecture : architectures) {
            inputs.add(encoder.encode(architecture));
        }
        Surrogate fresh = surrogates.apply(generators.get());
        fresh.fit(inputs, targets);
        surrogate = fresh;
    }

    @Override
    public Prediction predict(Architecture architecture) {
        if (surrogate == null) {
            throw new IllegalStateException("predictor '" + name + "' was not fitted");
        }
        TrainingSets.checkSpace(this, architecture);
        return surrogate.predict(encoder.encode(architecture));
    }

    @Override
    public double cdf(Architecture architecture, double threshold) {
        if (surrogate == null) {
            throw new IllegalStateException("predictor '" + name + "' was not fitted");
        }
        TrainingSets.checkSpace(this, architecture);
        return surrogate.cdf(encoder.encode(architecture), threshold);
    }
}
