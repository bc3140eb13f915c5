package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.domain.Domains;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.study.StudyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The data set of a search or an evaluation: one of a tabular benchmark, looked up, or
 * one trained on for real. It maps to and from the evaluator name and
 * options stored with a study.
 */
public sealed interface DatasetSpec
        permits DatasetSpec.Tabular, DatasetSpec.Training, DatasetSpec.Domain {

    /** The evaluator name stored for NAS-Bench-201 look-ups. */
    String NB201 = "nb201";

    /** The evaluator name stored for real training. */
    String TRAIN = "train";

    /** The Fashion-MNIST data set, from a directory or the bundled subset. */
    String FASHION_MNIST = "fashion-mnist";

    /** Any four IDX files in a directory. */
    String IDX = "idx";

    /**
     * The {@code --device} that measures latency on this machine: for NAS-Bench-201 it
     * replaces the table's latency, and real training measures it anyway.
     */
    String LOCAL_DEVICE = "local";

    /** The evaluator name stored with the study. */
    String evaluator();

    /** The evaluator options stored with the study. */
    Map<String, String> evaluatorOptions();

    /** A short name for derived study names, such as {@code cifar10} or {@code idx-digits}. */
    String label();

    /**
     * The data set as the command line names it, for output: {@code cifar10},
     * {@code fashion-mnist} or {@code idx:/absolute/dir}.
     */
    String displayName();

    /** The default search space: {@code nb201} for the benchmark, {@code macro} for training. */
    String defaultSpace();

    /**
     * A NAS-Bench-201 data set, evaluated by table look-up.
     *
     * @param dataset the data set
     * @param device the latency device column, {@link #LOCAL_DEVICE} to measure latency on
     *     this machine, or empty for no {@code latency_ms}
     * @param protocol the metric the search runs on, stored under {@code protocol}
     * @param extraDevices further table devices whose latency each trial records as
     *     {@code latency_ms@DEVICE}, for constraints on them; sorted, stored under
     *     {@value #EXTRA_DEVICES} as a comma-separated list
     */
    record Tabular(Nb201Dataset dataset, Optional<String> device, Nb201Protocol protocol,
            List<String> extraDevices) implements DatasetSpec {

        /** The evaluator option that contains the protocol name. */
        public static final String PROTOCOL = "protocol";
        /** The evaluator option that contains the extra devices. */
        public static final String EXTRA_DEVICES = "extra_devices";

        public Tabular {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(protocol, "protocol");
            extraDevices = List.copyOf(new TreeSet<>(extraDevices));
        }

        /** Creates a data set with no extra devices. */
        public Tabular(Nb201Dataset dataset, Optional<String> device, Nb201Protocol protocol) {
            this(dataset, device, protocol, List.of());
        }

        /** This data set recording the latency of {@code devices} as well. */
        public Tabular withExtraDevices(Collection<String> devices) {
            return new Tabular(dataset, device, protocol, List.copyOf(devices));
        }

        /** A data set searched on the 200-epoch test accuracy. */
        public Tabular(Nb201Dataset dataset, Optional<String> device) {
            this(dataset, device, Nb201Protocol.TEST);
        }

        @Override
        public String evaluator() {
            return NB201;
        }

        @Override
        public Map<String, String> evaluatorOptions() {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("dataset", dataset.id());
            device.ifPresent(d -> options.put("device", d));
            options.put(PROTOCOL, protocol.id());
            if (!extraDevices.isEmpty()) {
                options.put(EXTRA_DEVICES, String.join(",", extraDevices));
            }
            return options;
        }

        @Override
        public String label() {
            return dataset.id();
        }

        @Override
        public String displayName() {
            return dataset.id();
        }

        @Override
        public String defaultSpace() {
            return "nb201";
        }
    }

    /**
     * A data set to train on.
     *
     * @param source {@link #FASHION_MNIST} or {@link #IDX}
     * @param directory the directory with the IDX files; empty for the Fashion-MNIST
     *     default (the system's copy, else the bundled subset)
     * @param settings the training-recipe values
     */
    record Training(String source, Optional<Path> directory, TrainingSettings settings)
            implements DatasetSpec {
        public Training {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(settings, "settings");
            directory = directory.map(d -> d.toAbsolutePath().normalize());
            if (source.equals(IDX) && directory.isEmpty()) {
                throw new IllegalArgumentException("an idx data set needs a directory, as in "
                        + "idx:DIR");
            }
        }

        @Override
        public String evaluator() {
            return TRAIN;
        }

        @Override
        public Map<String, String> evaluatorOptions() {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("dataset", source);
            directory.ifPresent(d -> options.put("data", d.toString()));
            options.putAll(settings.toMap());
            return options;
        }

        /** Returns this data set trained with {@code newSettings}. */
        public Training withSettings(TrainingSettings newSettings) {
            return new Training(source, directory, newSettings);
        }

        @Override
        public String label() {
            if (source.equals(IDX)) {
                Path name = directory.orElseThrow().getFileName();
                return "idx-" + (name == null ? "root" : name.toString());
            }
            return source;
        }

        @Override
        public String displayName() {
            return source.equals(IDX) ? IDX + ":" + directory.orElseThrow() : source;
        }

        @Override
        public String defaultSpace() {
            return "macro";
        }
    }

    /**
     * A data set of a registered {@link io.archforge.app.domain.Domain}: a graph, a time
     * series, a text, or a further tabular benchmark.
     *
     * @param evaluator the evaluator name stored with the study
     * @param evaluatorOptions everything the domain needs to rebuild the data set
     * @param label a short name for derived study names
     * @param displayName the data set as the command line names it
     * @param defaultSpace the space searched when {@code --space} is left out
     * @param tabular whether the evaluator looks results up instead of training
     */
    record Domain(String evaluator, Map<String, String> evaluatorOptions, String label,
            String displayName, String defaultSpace, boolean tabular) implements DatasetSpec {
        public Domain {
            Objects.requireNonNull(evaluator, "evaluator");
            evaluatorOptions = java.util.Collections.unmodifiableMap(
                    new LinkedHashMap<>(evaluatorOptions));
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(defaultSpace, "defaultSpace");
        }
    }

    /**
     * Reads the command line's {@code --benchmark}, {@code --dataset}, {@code --data}
     * and {@code --device} values; any of them may be null. A training spec gets the
     * standard {@link TrainingSettings}, a tabular one protocol {@code test}. Real
     * training accepts only {@code --device local}, which it does not store because its
     * latency is measured on this machine anyway.
     *
     * @throws UsageException naming the bad value and the fix
     */
    static DatasetSpec parse(String benchmark, String dataset, Path data, String device) {
        return parse(benchmark, dataset, data, device, null);
    }

    /**
     * Reads the values as {@link #parse(String, String, Path, String)} does, and the
     * {@code --protocol} of a NAS-Bench-201 search (null for {@code test}).
     *
     * @throws UsageException naming the bad value and the fix, also for a protocol
     *     given to real training
     */
    static DatasetSpec parse(String benchmark, String dataset, Path data, String device,
            String protocol) {
        return parse(benchmark, dataset, data, device, protocol, Map.of(), Map.of());
    }

    /**
     * Reads the values as {@link #parse(String, String, Path, String, String)} does, with
     * the given domain options (such as {@code --target}) and training options (such as
     * {@code --epochs}) by option name. A data set that a registered
     * {@link io.archforge.app.domain.Domain} claims is read by that domain, with both.
     *
     * @throws UsageException naming the bad value and the fix
     */
    public static DatasetSpec parse(String benchmark, String dataset, Path data, String device,
            String protocol, Map<String, String> domainOptions, Map<String, Object> training) {
        if (dataset != null) {
            DomainRequest request = new DomainRequest(Optional.ofNullable(benchmark), dataset,
                    Optional.ofNullable(data), Optional.ofNullable(device), domainOptions,
                    training);
            Optional<io.archforge.app.domain.Domain> domain = Domains.claiming(request);
            if (domain.isPresent()) {
                if (protocol != null) {
                    throw new UsageException("--protocol " + protocol + " applies only to "
                            + "--benchmark nb201, not to --dataset " + dataset
                            + "; drop --protocol");
                }
                return domain.get().parse(request);
            }
        }
        if (!domainOptions.isEmpty()) {
            String option = domainOptions.keySet().iterator().next();
            throw new UsageException(option + " " + domainOptions.get(option)
                    + " does not apply to --dataset " + dataset + "; drop " + option);
        }
        DatasetSpec spec = parseSpec(benchmark, dataset, data, device);
        if (protocol == null) {
            return spec;
        }
        if (!(spec instanceof Tabular tabular)) {
            throw new UsageException("--protocol " + protocol + " applies only to "
                    + "--benchmark nb201, not to --dataset " + dataset + "; drop --protocol");
        }
        try {
            return new Tabular(tabular.dataset(), tabular.device(),
                    Nb201Protocol.parse(protocol));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --protocol '" + protocol + "': use "
                    + Nb201Protocol.names() + " (test: search on 200-epoch test accuracy; "
                    + "valid12: on 12-epoch validation accuracy)");
        }
    }

    private static DatasetSpec parseSpec(String benchmark, String dataset, Path data,
            String device) {
        if (benchmark != null && !benchmark.equals(NB201)) {
            throw new UsageException("unknown --benchmark '" + benchmark
                    + "': use nb201, nasbench-graph or hwgpt, or omit --benchmark to train"
                    + " for real");
        }
        if (dataset == null) {
            throw new UsageException("missing --dataset: use --benchmark nb201 --dataset "
                    + "cifar10|cifar100|imagenet16-120, --dataset fashion-mnist or --dataset "
                    + "idx:DIR");
        }
        if (dataset.startsWith(IDX + ":")) {
            return parseIdx(benchmark, dataset, data, device);
        }
        if (dataset.equals(FASHION_MNIST)) {
            rejectTabularOptions(benchmark, dataset, device);
            Optional<Path> directory = Optional.ofNullable(data);
            directory.ifPresent(d -> requireDirectory(d, "--data"));
            return new Training(FASHION_MNIST, directory, TrainingSettings.standard());
        }
        return parseTabular(dataset, data, device);
    }

    private static DatasetSpec parseIdx(String benchmark, String dataset, Path data,
            String device) {
        rejectTabularOptions(benchmark, dataset, device);
        if (data != null) {
            throw new UsageException("--data " + data + " conflicts with --dataset " + dataset
                    + ": the idx: form names its directory itself; drop --data");
        }
        String directory = dataset.substring(IDX.length() + 1);
        if (directory.isBlank()) {
            throw new UsageException("invalid --dataset '" + dataset
                    + "': name the directory with the IDX files, as in idx:/path/to/data");
        }
        Path path = Path.of(directory);
        requireDirectory(path, "--dataset idx:");
        return new Training(IDX, Optional.of(path), TrainingSettings.standard());
    }

    private static DatasetSpec parseTabular(String dataset, Path data, String device) {
        Nb201Dataset parsed;
        try {
            parsed = Nb201Dataset.parse(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --dataset '" + dataset + "': use "
                    + Nb201Dataset.names() + " (with --benchmark nb201), cora, citeseer or"
                    + " pubmed (with --benchmark nasbench-graph), s, m or l (with --benchmark"
                    + " hwgpt); to train: fashion-mnist, idx:DIR, cora, citeseer, graph:DIR,"
                    + " etth1, etth2, exchange, illness, pm25, csv:FILE, jargon, text:FILE or"
                    + " command:PROGRAM");
        }
        if (data != null) {
            throw new UsageException("--data " + data
                    + " applies only to real training; drop it for the "
                    + "nb201 data set " + dataset);
        }
        return new Tabular(parsed, Optional.ofNullable(device));
    }

    private static void rejectTabularOptions(String benchmark, String dataset, String device) {
        if (benchmark != null) {
            throw new UsageException("--benchmark " + benchmark + " conflicts with --dataset "
                    + dataset
                    + ", which is not a NAS-Bench-201 data set; drop --benchmark");
        }
        if (device != null && !device.equals(LOCAL_DEVICE)) {
            throw new UsageException("--device " + device + " selects an NB201 latency column and "
                    + "does not apply to --dataset " + dataset + ", which measures latency_ms on "
                    + "this machine; drop --device or use --device " + LOCAL_DEVICE);
        }
    }

    private static void requireDirectory(Path path, String option) {
        if (!Files.isDirectory(path)) {
            throw new UsageException("data directory '" + path + "' (" + option
                    + ") does not exist or is not a directory; pass a directory with the "
                    + "four IDX files");
        }
    }

    /**
     * Rebuilds the spec stored with a study.
     *
     * @throws IllegalArgumentException when this version does not support the stored
     *     evaluator, or a stored training setting is invalid
     */
    public static DatasetSpec of(StudyConfig config) {
        Map<String, String> options = config.evaluatorOptions();
        String dataset = options.getOrDefault("dataset", "");
        return switch (config.evaluator()) {
            case NB201 -> new Tabular(Nb201Dataset.parse(dataset),
                    Optional.ofNullable(options.get("device")),
                    Nb201Protocol.parse(options.getOrDefault(Tabular.PROTOCOL,
                            Nb201Protocol.TEST.id())),
                    Optional.ofNullable(options.get(Tabular.EXTRA_DEVICES))
                            .map(list -> List.of(list.split(","))).orElse(List.of()));
            case TRAIN -> new Training(dataset,
                    Optional.ofNullable(options.get("data")).map(Path::of),
                    TrainingSettings.fromMap(options));
            case "weight-sharing" -> throw new UsageException("study '" + config.name()
                    + "' is a weight-sharing search (--strategy " + config.strategy()
                    + "): run the same search command again, with its --strategy and"
                    + " --dataset, to resume or print it");
            default -> Domains.byEvaluator(config.evaluator())
                    .<DatasetSpec>map(domain -> domain.restore(options))
                    .orElseThrow(() -> new IllegalArgumentException("study '" + config.name()
                            + "' uses evaluator '" + config.evaluator()
                            + "', which this version does not know"));
        };
    }
}
