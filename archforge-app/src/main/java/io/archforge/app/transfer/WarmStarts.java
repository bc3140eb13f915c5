package io.archforge.app.transfer;

import io.archforge.app.cli.UsageException;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.transfer.Similarity;
import io.archforge.transfer.SourceStudy;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge a study takes from earlier studies in its store ({@code --warm-start-from}),
 * and how it is kept with the study.
 *
 * <p>A new study copies the complete trials of each source into its own attributes
 * ({@value #SOURCES} names the sources, {@code transfer_trials.NAME} contains each
 * source's trials as a {@link TransferSnapshot}), so a resume, a worker or a later
 * {@code study show} reads the same knowledge even after the source study changed. After
 * a run the study stores each source's measured similarity under
 * {@code transfer_weight.NAME}, {@code transfer_tau.NAME} and {@code transfer_pairs.NAME}.
 */
public final class WarmStarts {

    /** The study attribute listing the source studies, one name per line. */
    public static final String SOURCES = "transfer_sources";
    static final String TRIALS = "transfer_trials.";
    static final String WEIGHT = "transfer_weight.";
    static final String TAU = "transfer_tau.";
    static final String PAIRS = "transfer_pairs.";

    private static final Logger LOG = LoggerFactory.getLogger(WarmStarts.class);

    private final Transfer transfer;
    private final Map<String, String> attributes;

    private WarmStarts(Transfer transfer, Map<String, String> attributes) {
        this.transfer = transfer;
        this.attributes = attributes;
    }

    /**
     * The knowledge of study {@code config}: taken from the stored attributes when the
     * study was warm-started before, else from the {@code requested} source studies.
     *
     * @param stored the study's stored attributes, empty for a new study
     * @param requested the names given to {@code --warm-start-from}, possibly empty
     * @return empty when the study learns from no other study
     * @throws UsageException when a source is missing, is the study itself, searched
     *     another space, lacks the primary metric, or differs from the stored sources
     */
    public static Optional<WarmStarts> resolve(Storage storage, StudyConfig config,
            SearchSpace space, Map<String, String> stored, List<String> requested) {
        List<String> storedSources = storedSources(stored);
        if (!storedSources.isEmpty()) {
            if (!requested.isEmpty() && !requested.equals(storedSources)) {
                throw new UsageException("study '" + config.name() + "' was warm-started from "
                        + storedSources + ", not from " + requested + "; repeat the same "
                        + "--warm-start-from options or drop them to resume it");
            }
            return Optional.of(fromStored(config, space, stored, storedSources));
        }
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        boolean started = storage.loadStudy(config.name()).isPresent()
                && !storage.trials(config.name()).isEmpty();
        if (started) {
            throw new UsageException("study '" + config.name() + "' already has trials, so it "
                    + "cannot be warm-started now; choose a new --study name for the warm start");
        }
        return Optional.of(fromSources(storage, config, space, requested));
    }

    private static List<String> storedSources(Map<String, String> stored) {
        String names = stored.get(SOURCES);
        return names == null || names.isBlank() ? List.of() : List.of(names.split("\n"));
    }

    private static WarmStarts fromStored(StudyConfig config, SearchSpace space,
            Map<String, String> stored, List<String> names) {
        Objective primary = config.objectives().get(0);
        List<SourceStudy> sources = new ArrayList<>();
        for (String name : names) {
            String text = stored.get(TRIALS + name);
            if (text == null) {
                throw new UsageException("study '" + config.name() + "' lists source study '"
                        + name + "' but stores none of its trials; the store is damaged, so "
                        + "start a new study with --warm-start-from " + name);
            }
            try {
                sources.add(TransferSnapshot.read(name, text, space, primary));
            } catch (IllegalArgumentException e) {
                throw new UsageException("study '" + config.name() + "': " + e.getMessage());
            }
        }
        return new WarmStarts(Transfer.of(space, primary, sources), Map.of());
    }

    private static WarmStarts fromSources(Storage storage, StudyConfig config,
            SearchSpace space, List<String> names) {
        Objective primary = config.objectives().get(0);
        List<SourceStudy> sources = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SOURCES, String.join("\n", names));
        for (String name : names) {
            StudyConfig source = requireCompatible(storage, config, name);
            List<FrozenTrial> trials = fitting(name, storage.trials(name), space);
            String snapshot = TransferSnapshot.write(trials, primary.metric());
            try {
                sources.add(TransferSnapshot.read(name, snapshot, space, primary));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--warm-start-from " + name + ": " + e.getMessage());
            }
            attributes.put(TRIALS + name, snapshot);
            LOG.info("Warm start from study '{}' ({} {}): {} complete trials with {}", name,
                    source.evaluator(), source.evaluatorOptions(),
                    sources.get(sources.size() - 1).trials().size(), primary.metric());
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new UsageException("--warm-start-from names a study twice: " + names
                    + "; give each source study once");
        }
        return new WarmStarts(Transfer.of(space, primary, sources), attributes);
    }

    /**
     * Returns the trials of source {@code name} whose architectures lie in {@code space}.
     * Studies of one space name can still differ in its ranges, such as the recipe ranges
     * of {@code macro+recipe} or its epochs choice, which a scheduler removes.
     */
    private static List<FrozenTrial> fitting(String name, List<FrozenTrial> trials,
            SearchSpace space) {
        List<FrozenTrial> fitting = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            try {
                space.parse(trial.architecture());
                fitting.add(trial);
            } catch (IllegalArgumentException e) {
                LOG.debug("Trial {} of study '{}' is outside this study's space: {}",
                        trial.number(), name, e.getMessage());
            }
        }
        int outside = trials.size() - fitting.size();
        if (outside > 0) {
            LOG.warn("Warm start from study '{}': {} of its {} trials lie outside this study's "
                    + "space (other ranges or another scheduler) and are left out", name,
                    outside, trials.size());
        }
        return fitting;
    }

    private static StudyConfig requireCompatible(Storage storage, StudyConfig config,
            String name) {
        if (name.equals(config.name())) {
            throw new UsageException("--warm-start-from " + name + " names the study itself; "
                    + "name an earlier study of the same store");
        }
        StudyConfig source = storage.loadStudy(name).orElseThrow(() -> new UsageException(
                "--warm-start-from " + name + ": no such study in " + storage.location()
                        + " (studies there: " + studyNames(storage) + ")"));
        if (!source.space().equals(config.space())) {
            throw new UsageException("--warm-start-from " + name + ": that study searched "
                    + "space '" + source.space() + "', but this one searches '"
                    + config.space() + "'; architectures of another space cannot transfer, "
                    + "so name a study of space '" + config.space() + "'");
        }
        String metric = config.objectives().get(0).metric();
        boolean hasMetric = storage.trials(name).stream()
                .anyMatch(t -> t.metrics().containsKey(metric));
        if (!hasMetric) {
            throw new UsageException("--warm-start-from " + name + ": no complete trial of "
                    + "that study has the metric '" + metric + "' of this study's primary "
                    + "objective; name a study that measured it");
        }
        return source;
    }

    private static String studyNames(Storage storage) {
        TreeSet<String> names = new TreeSet<>();
        storage.listStudies().forEach(s -> names.add(s.config().name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Returns the knowledge, with its weights as measured so far. */
    public Transfer transfer() {
        return transfer;
    }

    /** Stores the copied source trials with a newly created study; nothing for a resumed one. */
    public void storeSources(Storage storage, String study) {
        attributes.forEach((key, value) -> storage.setStudyAttribute(study, key, value));
    }

    /** Stores each source's similarity as measured at the end of a run. */
    public void storeSimilarities(Storage storage, String study) {
        for (Similarity similarity : transfer.similarities()) {
            storage.setStudyAttribute(study, WEIGHT + similarity.source(),
                    Double.toString(similarity.weight()));
            storage.setStudyAttribute(study, TAU + similarity.source(),
                    Double.toString(similarity.kendallTau()));
            storage.setStudyAttribute(study, PAIRS + similarity.source(),
                    Integer.toString(similarity.pairs()));
            LOG.info("Source study '{}': weight {}, Kendall tau {} over {} trials",
                    similarity.source(), format(similarity.weight()),
                    format(similarity.kendallTau()), similarity.pairs());
        }
    }

    /** Returns the summary of the knowledge and its current weights. */
    public TransferSummary summary() {
        List<TransferSummary.Source> sources = new ArrayList<>();
        for (Similarity similarity : transfer.similarities()) {
            int trials = transfer.sources().stream()
                    .filter(s -> s.name().equals(similarity.source()))
                    .mapToInt(s -> s.trials().size()).sum();
            sources.add(new TransferSummary.Source(similarity.source(), trials,
                    Optional.of(similarity.weight()), Optional.of(similarity.kendallTau()),
                    Optional.of(similarity.pairs())));
        }
        return new TransferSummary(sources);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
