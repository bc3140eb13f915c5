package io.archforge.torch.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.oneshot.ArchitectureWeights;
import io.archforge.oneshot.CollapseGuard;
import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.train.Batches;
import io.archforge.torch.train.ClosableAdam;
import io.archforge.torch.train.ClosableSgd;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import io.archforge.torch.train.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Differentiable architecture search over the NAS-Bench-201 cell. It runs DARTS (Liu et
 * al., ICLR 2019) with first- or second-order architecture gradients, or GDAS (Dong and
 * Yang, CVPR 2019). Options add the beta-decay regularisation of beta-DARTS (Ye et al.,
 * CVPR 2022), edge mutation (an edge sometimes trains one random operation with weights
 * alone), a skip limit on the derived cell, and partial channels (PC-DARTS).
 *
 * <p>The training images are split in halves: weight steps read the first, architecture
 * steps the second. Each step pair runs an architecture step, then a weight step, as
 * DARTS does. Every step runs in a sub-manager closed at its end, and every gradient
 * handle read is closed, so memory does not grow with the number of steps. After each
 * epoch the architecture weights, their entropy, the derived cell and the supernet's
 * validation accuracy are logged and passed to the listener.
 */
public final class DartsSearch {

    private static final Logger LOG = LoggerFactory.getLogger(DartsSearch.class);
    private static final int EVALUATION_BATCH = 250;
    private static final int MEMORY_INTERVAL = 100;
    private static final double WEIGHT_DECAY = 3e-4;
    private static final double MOMENTUM = 0.9;
    private static final double FINAL_LEARNING_RATE = 0.001;
    private static final double ARCH_WEIGHT_DECAY = 1e-3;
    private static final double TAU_MAX = 10;
    private static final double TAU_MIN = 0.1;
    private static final List<String> WITH_WEIGHTS = List.of("nor_conv_1x1", "nor_conv_3x3");

    private final DartsSettings requested;
    private final Nb201Input input;
    private final CellSpace space = CellSpace.nb201();
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates a search for images of {@code input}.
     *
     * @throws IllegalArgumentException when partial channels do not divide the channels
     */
    public DartsSearch(DartsSettings settings, Nb201Input input) {
        this.requested = settings;
        this.input = input;
        if (settings.skeleton().channels() % settings.partialChannels() != 0) {
            throw new IllegalArgumentException("invalid partial_channels "
                    + settings.partialChannels() + ": it must divide the skeleton's "
                    + settings.skeleton().channels() + " channels");
        }
    }

    /**
     * Runs the search.
     *
     * @param data training images (split in halves) and held-out validation images
     * @param seed fixes the initial weights, the image order and every random draw
     * @param listener receives each epoch's record
     * @param stop checked before every step. When it returns true, the search records the
     *     current epoch and returns the result so far.
     * @throws SearchMemoryException before training when the memory plan does not fit
     */
    public DartsResult run(DataSplit data, long seed, Consumer<EpochRecord> listener,
            BooleanSupplier stop) {
        requireFits(data.train());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SearchNetwork network = newNetwork(manager, seed);
            long parameters = count(network.weightParameters());
            DartsSettings settings = MemoryPlan.fit(requested, input.side(), input.channels(),
                    parameters);
            double estimate = MemoryPlan.estimateMb(settings, input.side(), input.channels(),
                    parameters, settings.batchSize());
            LOG.info("Differentiable search: {} relaxation, order {}, beta {}, edge mutation {},"
                    + " guard {}, partial channels {}, {} weights, batch {}, {} epochs of {}"
                    + " steps", settings.relaxation(), settings.order(), settings.betaWeight(),
                    settings.edgeMutation(), settings.guard(), settings.partialChannels(),
                    parameters, settings.batchSize(), settings.epochs(),
                    settings.stepsPerEpoch());
            return new Run(network, manager, settings, data, seed, estimate)
                    .execute(listener, stop);
        }
    }

    /**
     * Builds the network and runs {@code body} on a fresh run over {@code data} without
     * training, for tests of single steps.
     */
    <T> T withRun(DataSplit data, long seed, Function<Run, T> body) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SearchNetwork network = newNetwork(manager, seed);
            return body.apply(new Run(network, manager, requested, data, seed, 0));
        }
    }

    /**
     * Checks, without training, that the images fit the stem and the memory plan fits,
     * and returns the settings the search will run with.
     *
     * @throws IllegalArgumentException when the images do not fit
     * @throws SearchMemoryException when the memory plan does not fit
     */
    public DartsSettings plan(DataSplit data) {
        requireFits(data.train());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SearchNetwork network = newNetwork(manager, 0);
            return MemoryPlan.fit(requested, input.side(), input.channels(),
                    count(network.weightParameters()));
        }
    }

    /** Builds the search network and initializes its parameters from {@code seed}. */
    private SearchNetwork newNetwork(NDManager manager, long seed) {
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(input)
                .withSkeleton(requested.skeleton());
        SearchNetwork network = new SearchNetwork(builder, requested.partialChannels());
        manager.getEngine().setRandomSeed(Long.hashCode(seed));
        network.initialize(manager, DataType.FLOAT32, input.batchShape(1));
        return network;
    }

    private void requireFits(ImageDataset train) {
        if (train.rows() != input.side() || train.columns() != input.side()) {
            throw new IllegalArgumentException("invalid image size " + train.rows() + "x"
                    + train.columns() + ": the network's stem expects " + input.side() + "x"
                    + input.side() + ", so use square images whose side is a multiple of 4");
        }
        if (train.size() < requested.trainImages()) {
            throw new IllegalArgumentException("the training split has " + train.size()
                    + " images, fewer than the " + requested.trainImages() + " the search"
                    + " requests, so lower the training images");
        }
    }

    private static long count(List<Parameter> parameters) {
        long total = 0;
        for (Parameter parameter : parameters) {
            total += parameter.getArray().getShape().size();
        }
        return total;
    }

    /** The state of one search. */
    final class Run {
        final SearchNetwork network;
        final NDManager manager;

        private final DartsSettings settings;
        private final DataSplit data;
        private final ParameterStore store;
        private final SplittableRandom random;
        private final List<Parameter> weights;
        private final Parameter alpha;
        private final double estimate;
        private final int totalSteps;
        private final SortedMap<Integer, Double> memory = new TreeMap<>();
        private int step;

        Run(SearchNetwork network, NDManager manager, DartsSettings settings, DataSplit data,
                long seed, double estimate) {
            this.network = network;
            this.manager = manager;
            this.settings = settings;
            this.data = data;
            this.store = new ParameterStore(manager, false);
            this.random = new SplittableRandom(seed);
            this.weights = network.weightParameters();
            this.alpha = network.alpha();
            this.estimate = estimate;
            this.totalSteps = settings.epochs() * settings.stepsPerEpoch();
        }

        DartsResult execute(Consumer<EpochRecord> listener, BooleanSupplier stop) {
            int half = settings.trainImages() / 2;
            ImageDataset train = data.train();
            Batches weightBatches = new Batches(
                    train.select(IntStream.range(0, half).toArray()), settings.batchSize(),
                    random.nextLong());
            Batches archBatches = new Batches(
                    train.select(IntStream.range(half, 2 * half).toArray()),
                    settings.batchSize(), random.nextLong());
            List<EpochRecord> records = new ArrayList<>();
            long start = System.nanoTime();
            try (ClosableSgd weightOptimizer = weightOptimizer();
                    ClosableAdam archOptimizer = archOptimizer()) {
                for (int epoch = 1; epoch <= settings.epochs() && !stop.getAsBoolean();
                        epoch++) {
                    weightBatches.shuffle();
                    archBatches.shuffle();
                    double lossSum = 0;
                    int steps = 0;
                    for (int batch = 0; batch < settings.stepsPerEpoch(); batch++) {
                        if (stop.getAsBoolean()) {
                            break;
                        }
                        try (NDManager stepManager = manager.newSubManager()) {
                            NDList weightBatch = settings.order() == 2
                                    ? new NDList(weightBatches.images(stepManager, batch),
                                            weightBatches.labels(stepManager, batch))
                                    : null;
                            architectureStep(stepManager, archOptimizer,
                                    archBatches.images(stepManager, batch),
                                    archBatches.labels(stepManager, batch), weightBatch, epoch);
                        }
                        try (NDManager stepManager = manager.newSubManager()) {
                            lossSum += weightStep(stepManager, weightOptimizer,
                                    weightBatches.images(stepManager, batch),
                                    weightBatches.labels(stepManager, batch), epoch);
                        }
                        steps++;
                        step++;
                        if (step % MEMORY_INTERVAL == 0) {
                            memory.put(step, ResidentMemory.read().peakMb());
                        }
                    }
                    EpochRecord record = record(epoch, lossSum / Math.max(1, steps),
                            (System.nanoTime() - start) / 1e9);
                    records.add(record);
                    log(record);
                    listener.accept(record);
                }
            }
            if (records.isEmpty()) {
                records.add(record(0, Double.NaN, (System.nanoTime() - start) / 1e9));
            }
            EpochRecord last = records.get(records.size() - 1);
            return new DartsResult(last.derived(), last.weights().derive(), records,
                    settings.batchSize(), estimate, step, (System.nanoTime() - start) / 1e9,
                    memory);
        }

        // ---- Steps -------------------------------------------------------------------

        /**
         * Runs one architecture step on a batch of the architecture half.
         *
         * @param weightBatch images and labels of the weight half, for second order only
         */
        void architectureStep(NDManager step, Optimizer optimizer, NDArray images,
                NDArray labels, NDList weightBatch, int epoch) {
            if (settings.order() == 2) {
                secondOrderStep(step, optimizer, images, labels, weightBatch, epoch);
                return;
            }
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray value = archLoss(step, images, labels, epoch);
                collector.backward(value);
            }
            updateAlpha(step, optimizer, null);
            zeroWeightGradients();
        }

        /** Computes the architecture loss: cross-entropy of the routed network, plus beta decay. */
        private NDArray archLoss(NDManager step, NDArray images, NDArray labels, int epoch) {
            NDArray logits = stepLogits(step, images);
            EdgeRouting routing = settings.relaxation() == DartsSettings.Relaxation.GUMBEL
                    ? gumbel(step, logits, epoch) : EdgeRouting.mixture(logits.softmax(1),
                            space.edgeCount());
            NDArray value = crossEntropy(images, labels, routing);
            if (settings.betaWeight() > 0) {
                double weight = settings.betaWeight() * epoch / settings.epochs();
                value = value.add(logits.exp().sum(new int[] {1}).log().mean().mul(
                        step.create((float) weight)));
            }
            return value;
        }

        /**
         * Runs an architecture step with the unrolled second-order gradient of DARTS (Liu et
         * al., ICLR 2019). The gradient is the validation gradient at weights moved one SGD
         * step along the training gradient, minus the learning rate times a
         * finite-difference Hessian-vector product.
         */
        private void secondOrderStep(NDManager step, Optimizer optimizer, NDArray images,
                NDArray labels, NDList weightBatch, int epoch) {
            double xi = learningRate();
            List<NDArray> saved = new ArrayList<>();
            for (Parameter weight : weights) {
                NDArray copy = weight.getArray().duplicate();
                copy.attach(step);
                saved.add(copy);
            }
            // One virtual SGD step on a batch of the weight half.
            NDArray trainImages = weightBatch.get(0);
            NDArray trainLabels = weightBatch.get(1);
            gradientOfWeights(step, trainImages, trainLabels);
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                for (int k = 0; k < weights.size(); k++) {
                    NDArray array = weights.get(k).getArray();
                    try (NDArray gradient = array.getGradient()) {
                        // The saved copy belongs to the step, and so does the update.
                        array.subi(saved.get(k).mul(WEIGHT_DECAY).add(gradient).mul(xi));
                    }
                }
            } finally {
                DjlRuntime.setGradMode(previous);
            }
            zeroAll();

            // Validation gradient at the moved weights.
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                collector.backward(archLoss(step, images, labels, epoch));
            }
            NDArray alphaGradient = gradientCopy(alpha, step);
            List<NDArray> direction = new ArrayList<>();
            double norm = 0;
            for (Parameter weight : weights) {
                NDArray gradient = gradientCopy(weight, step);
                norm += gradient.square().sum().getFloat();
                direction.add(gradient);
            }
            zeroAll();
            double epsilon = 0.01 / Math.max(Math.sqrt(norm), 1e-12);

            NDArray plus = alphaGradientAt(step, saved, direction, epsilon, trainImages,
                    trainLabels);
            NDArray minus = alphaGradientAt(step, saved, direction, -epsilon, trainImages,
                    trainLabels);
            restore(saved, direction, 0);
            NDArray hessian = plus.sub(minus).div(2 * epsilon);
            NDArray gradient = alphaGradient.sub(hessian.mul(xi));
            updateAlpha(step, optimizer, gradient);
        }

        /**
         * Returns the architecture logits as an array of the step's manager that autograd
         * traces back to the parameter. An operation's result belongs to the manager of its
         * first operand, so every array computed from this one is freed with the step.
         * Arrays computed from the parameter itself would stay in the network's manager.
         */
        private NDArray stepLogits(NDManager step, NDArray images) {
            NDArray logits = store.getValue(alpha, images.getDevice(), true);
            return step.zeros(logits.getShape()).add(logits);
        }

        /**
         * Moves the weights to {@code saved + shift * direction} and returns the gradient of
         * the training loss with respect to the architecture logits.
         */
        private NDArray alphaGradientAt(NDManager step, List<NDArray> saved,
                List<NDArray> direction, double shift, NDArray images, NDArray labels) {
            restore(saved, direction, shift);
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray logits = stepLogits(step, images);
                collector.backward(crossEntropy(images, labels,
                        EdgeRouting.mixture(logits.softmax(1), space.edgeCount())));
            }
            NDArray gradient = gradientCopy(alpha, step);
            zeroAll();
            return gradient;
        }

        private void restore(List<NDArray> saved, List<NDArray> direction, double shift) {
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                for (int k = 0; k < weights.size(); k++) {
                    NDArray array = weights.get(k).getArray();
                    NDArray target = shift == 0 ? saved.get(k)
                            : saved.get(k).add(direction.get(k).mul(shift));
                    array.addi(target.sub(array));
                }
            } finally {
                DjlRuntime.setGradMode(previous);
            }
        }

        private void gradientOfWeights(NDManager step, NDArray images, NDArray labels) {
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray probabilities = stepLogits(step, images).softmax(1).stopGradient();
                collector.backward(crossEntropy(images, labels,
                        EdgeRouting.mixture(probabilities, space.edgeCount())));
            }
        }

        float weightStep(NDManager step, Optimizer optimizer, NDArray images,
                NDArray labels, int epoch) {
            float value;
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray result = crossEntropy(images, labels, weightRouting(step, epoch));
                collector.backward(result);
                value = result.getFloat();
            }
            for (Parameter weight : weights) {
                NDArray array = weight.getArray();
                try (NDArray gradient = array.getGradient()) {
                    optimizer.update(weight.getId(), array, gradient);
                }
                ThreadGradientCollector.zeroGradient(array);
            }
            ThreadGradientCollector.zeroGradient(alpha.getArray());
            return value;
        }

        /**
         * Builds the routing of a weight step from the current architecture weights,
         * detached. When edge mutation is on, some edges compute one operation with weights
         * instead.
         */
        private EdgeRouting weightRouting(NDManager step, int epoch) {
            float[] logits = alpha.getArray().toFloatArray();
            int operations = space.operations().size();
            double tau = temperature(epoch);
            int[] single = new int[space.edgeCount()];
            float[] weightsOut = new float[logits.length];
            double mutation = settings.edgeMutation() * epoch / settings.epochs();
            for (int edge = 0; edge < space.edgeCount(); edge++) {
                single[edge] = -1;
                if (settings.relaxation() == DartsSettings.Relaxation.GUMBEL) {
                    single[edge] = sampleGumbel(logits, edge, tau);
                    weightsOut[edge * operations + single[edge]] = 1;
                } else {
                    double[] row = softmaxRow(logits, edge);
                    for (int k = 0; k < operations; k++) {
                        weightsOut[edge * operations + k] = (float) row[k];
                    }
                }
                if (mutation > 0 && random.nextDouble() < mutation) {
                    String name = WITH_WEIGHTS.get(random.nextInt(WITH_WEIGHTS.size()));
                    single[edge] = space.operations().indexOf(name);
                    for (int k = 0; k < operations; k++) {
                        weightsOut[edge * operations + k] = k == single[edge] ? 1 : 0;
                    }
                }
            }
            NDArray matrix = step.create(weightsOut,
                    new Shape(space.edgeCount(), operations));
            return new EdgeRouting(matrix, single);
        }

        /**
         * Samples a GDAS routing: one operation per edge, weighted by a straight-through
         * hard Gumbel-softmax sample.
         */
        private EdgeRouting gumbel(NDManager step, NDArray logits, int epoch) {
            int operations = space.operations().size();
            float[] noise = new float[space.edgeCount() * operations];
            for (int k = 0; k < noise.length; k++) {
                double u = Math.max(random.nextDouble(), 1e-12);
                noise[k] = (float) -Math.log(-Math.log(u));
            }
            double tau = temperature(epoch);
            NDArray soft = logits.add(step.create(noise, logits.getShape()))
                    .div((float) tau).softmax(1);
            float[] values = soft.toFloatArray();
            int[] single = new int[space.edgeCount()];
            float[] hard = new float[values.length];
            for (int edge = 0; edge < single.length; edge++) {
                int best = 0;
                for (int k = 1; k < operations; k++) {
                    if (values[edge * operations + k] > values[edge * operations + best]) {
                        best = k;
                    }
                }
                single[edge] = best;
                hard[edge * operations + best] = 1;
            }
            NDArray straight = step.create(hard, logits.getShape())
                    .sub(soft.stopGradient()).add(soft);
            return new EdgeRouting(straight, single);
        }

        /** Samples one operation of {@code edge} with the Gumbel-max trick. */
        private int sampleGumbel(float[] logits, int edge, double tau) {
            int operations = space.operations().size();
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < operations; k++) {
                double u = Math.max(random.nextDouble(), 1e-12);
                double value = (logits[edge * operations + k] - Math.log(-Math.log(u))) / tau;
                if (value > bestValue) {
                    bestValue = value;
                    best = k;
                }
            }
            return best;
        }

        private double temperature(int epoch) {
            if (settings.epochs() == 1) {
                return TAU_MIN;
            }
            return TAU_MAX - (TAU_MAX - TAU_MIN) * (epoch - 1) / (settings.epochs() - 1);
        }

        private double[] softmaxRow(float[] logits, int edge) {
            int operations = space.operations().size();
            double[] row = new double[operations];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < operations; k++) {
                max = Math.max(max, logits[edge * operations + k]);
            }
            double sum = 0;
            for (int k = 0; k < operations; k++) {
                row[k] = Math.exp(logits[edge * operations + k] - max);
                sum += row[k];
            }
            for (int k = 0; k < operations; k++) {
                row[k] /= sum;
            }
            return row;
        }

        private NDArray crossEntropy(NDArray images, NDArray labels, EdgeRouting routing) {
            NDArray out = network.forward(store, TrainingStep.channelsLast(images), true,
                    routing);
            return loss.evaluate(new NDList(labels), new NDList(out));
        }

        /**
         * Updates the logits with {@code gradient}, or with their own gradient when it is
         * null. The gradient is an array of the step's manager, so the optimizer's
         * temporaries computed from it are freed with the step.
         */
        private void updateAlpha(NDManager step, Optimizer optimizer, NDArray gradient) {
            NDArray array = alpha.getArray();
            NDArray used = gradient != null ? gradient : gradientCopy(alpha, step);
            optimizer.update(alpha.getId(), array, used);
            ThreadGradientCollector.zeroGradient(array);
        }

        private NDArray gradientCopy(Parameter parameter, NDManager step) {
            try (NDArray gradient = parameter.getArray().getGradient()) {
                NDArray copy = gradient.duplicate();
                copy.attach(step);
                return copy;
            }
        }

        private void zeroWeightGradients() {
            for (Parameter weight : weights) {
                ThreadGradientCollector.zeroGradient(weight.getArray());
            }
        }

        private void zeroAll() {
            zeroWeightGradients();
            ThreadGradientCollector.zeroGradient(alpha.getArray());
        }

        private double learningRate() {
            double progress = Math.min(1.0, (double) step / Math.max(1, totalSteps));
            return FINAL_LEARNING_RATE + 0.5 * (settings.weightLearningRate()
                    - FINAL_LEARNING_RATE) * (1 + Math.cos(Math.PI * progress));
        }

        // ---- Epoch records -------------------------------------------------------------

        private EpochRecord record(int epoch, double trainLoss, double seconds) {
            ArchitectureWeights current = ArchitectureWeights.ofFlat(space,
                    alpha.getArray().toFloatArray());
            Architecture derived = settings.guarded() ? settings.guard().derive(current)
                    : current.derive();
            double accuracy = validationAccuracy(current);
            return new EpochRecord(epoch, current, current.meanEntropy(), derived, accuracy,
                    trainLoss, seconds, ResidentMemory.read().currentMb());
        }

        private double validationAccuracy(ArchitectureWeights current) {
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                ImageDataset images = data.validation();
                Batches batches = new Batches(images, EVALUATION_BATCH, 0);
                long correct = 0;
                for (int start = 0; start < images.size(); start += EVALUATION_BATCH) {
                    int size = Math.min(EVALUATION_BATCH, images.size() - start);
                    try (NDManager step = manager.newSubManager()) {
                        EdgeRouting routing = evaluationRouting(step, current);
                        NDArray out = network.forward(store,
                                TrainingStep.channelsLast(batches.range(step, start, size)),
                                false, routing);
                        correct += out.argMax(1).eq(batches.labelRange(step, start, size))
                                .countNonzero().getLong();
                    }
                }
                return 100.0 * correct / images.size();
            } finally {
                DjlRuntime.setGradMode(previous);
            }
        }

        private EdgeRouting evaluationRouting(NDManager step, ArchitectureWeights current) {
            if (settings.relaxation() == DartsSettings.Relaxation.GUMBEL) {
                Architecture cell = current.derive();
                int[] chosen = new int[space.edgeCount()];
                for (int edge = 0; edge < chosen.length; edge++) {
                    chosen[edge] = space.operations().indexOf(space.operation(cell, edge));
                }
                return EdgeRouting.fixed(chosen);
            }
            double[][] probabilities = current.probabilities();
            float[] flat = new float[probabilities.length * probabilities[0].length];
            for (int edge = 0; edge < probabilities.length; edge++) {
                for (int k = 0; k < probabilities[edge].length; k++) {
                    flat[edge * probabilities[edge].length + k] = (float) probabilities[edge][k];
                }
            }
            return EdgeRouting.mixture(step.create(flat,
                    new Shape(probabilities.length, probabilities[0].length)),
                    space.edgeCount());
        }

        private void log(EpochRecord record) {
            LOG.info("Epoch {}/{}: loss {}, supernet accuracy {}%, entropy {}, derived {}"
                    + " ({} parameter-free), peak memory {} MB",
                    record.epoch(), settings.epochs(),
                    String.format(Locale.ROOT, "%.3f", record.trainLoss()),
                    String.format(Locale.ROOT, "%.2f", record.validationAccuracy()),
                    String.format(Locale.ROOT, "%.3f", record.entropy()), record.derived().text(),
                    CellPaths.count(space, record.derived(), CellPaths.PARAMETER_FREE),
                    Math.round(ResidentMemory.read().peakMb()));
            LOG.info("Epoch {} architecture weights: {}", record.epoch(),
                    record.weights().describe());
        }

        ClosableSgd weightOptimizer() {
            Tracker schedule = Tracker.cosine()
                    .setBaseValue((float) settings.weightLearningRate())
                    .optFinalValue((float) FINAL_LEARNING_RATE)
                    .setMaxUpdates(Math.max(1, totalSteps))
                    .build();
            return new ClosableSgd(Optimizer.sgd()
                    .setLearningRateTracker(schedule)
                    .optMomentum((float) MOMENTUM)
                    .optWeightDecays((float) WEIGHT_DECAY));
        }

        ClosableAdam archOptimizer() {
            return new ClosableAdam(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(
                            (float) settings.architectureLearningRate()))
                    .optBeta1(0.5f)
                    .optBeta2(0.999f)
                    .optWeightDecays((float) ARCH_WEIGHT_DECAY));
        }
    }
}
