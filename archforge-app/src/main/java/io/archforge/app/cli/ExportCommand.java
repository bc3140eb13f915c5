package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.app.setup.StorageLocation;
import io.archforge.app.setup.StudyAttack;
import io.archforge.app.setup.TrainingSettings;
import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import io.archforge.torch.export.ExportProvenance;
import io.archforge.torch.export.ExportRequest;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.export.NetworkSpec;
import io.archforge.torch.export.NetworkSpecs;
import io.archforge.torch.export.Safetensors;
import io.archforge.torch.export.TensorFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge export STUDY --trial N --output DIR}: writes a trial's network as a
 * directory that loads without Archforge (see {@link ModelExport}). Macro trials export
 * their stored trained weights, nb201 trials the untrained network from the trial seed.
 * Every check of the input runs before anything is written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a trial's network to a new directory: architecture.json, "
                + "weights.safetensors, model.py (PyTorch) and model_card.md.")
final class ExportCommand implements Callable<Integer> {

    /** Maximum number of study names that an error message lists. */
    private static final int LISTED_STUDIES = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions options;

    @Mixin
    StudyStore store;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study name.")
    String study;

    @Option(names = "--trial", required = true, paramLabel = "N",
            description = "The trial number, as 'archforge study show' lists it.")
    int trial;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "The directory to write: a new one, or an existing empty one.")
    Path output;

    @Override
    public Integer call() throws IOException {
        requireNewOutput(output);
        ExportRequest request = readRequest();
        EvaluatorFactory.requireEngineCache();
        ModelExport.ExportResult result = ModelExport.write(request, output);
        print(result);
        return ExitCodes.OK;
    }

    /** Reads the study and the trial, and checks that the trial can be exported. */
    private ExportRequest readRequest() {
        StorageLocation location = store.location();
        if (!location.exists()) {
            throw new UsageException("study '" + study + "' not found: there is no study store"
                    + " at " + location + "; pass the store that holds it with --storage");
        }
        try (Storage storage = location.open()) {
            StudyConfig config = storage.loadStudy(study)
                    .orElseThrow(() -> studyNotFound(storage));
            FrozenTrial frozen = requireTrial(storage);
            if (frozen.state() != TrialState.COMPLETE) {
                throw new UsageException("trial " + trial + " of study '" + study + "' is "
                        + frozen.state() + ", not COMPLETE; export a COMPLETE trial (run"
                        + " 'archforge study show " + study + "' to see the states)");
            }
            Optional<TensorFile> weights = storage.artifact(study, trial,
                    ModelExport.WEIGHTS_FILE).map(Safetensors::decode);
            NetworkSpec network;
            try {
                network = NetworkSpecs.forTrial(config.space(), config.evaluatorOptions(),
                        weights);
            } catch (IllegalArgumentException e) {
                throw new UsageException("cannot export trial " + trial + " of study '"
                        + study + "': " + e.getMessage(), e);
            }
            return new ExportRequest(frozen.architecture(), network, weights, frozen.metrics(),
                    provenance(config, frozen));
        }
    }

    private FrozenTrial requireTrial(Storage storage) {
        Optional<FrozenTrial> found = storage.trial(study, trial);
        if (found.isPresent()) {
            return found.get();
        }
        List<FrozenTrial> trials = storage.trials(study);
        if (trials.isEmpty()) {
            throw new UsageException("trial " + trial + " not found: study '" + study
                    + "' has no trials yet");
        }
        throw new UsageException("trial " + trial + " not found in study '" + study
                + "': its trials are numbered " + trials.get(0).number() + " to "
                + trials.get(trials.size() - 1).number());
    }

    private UsageException studyNotFound(Storage storage) {
        List<String> names = storage.listStudies().stream()
                .map(summary -> summary.config().name()).toList();
        if (names.isEmpty()) {
            return new UsageException("study '" + study + "' not found in "
                    + storage.location() + ", which holds no studies");
        }
        String listed = String.join(", ", names.subList(0,
                Math.min(LISTED_STUDIES, names.size())));
        String more = names.size() > LISTED_STUDIES
                ? " and " + (names.size() - LISTED_STUDIES) + " more" : "";
        return new UsageException("study '" + study + "' not found in " + storage.location()
                + "; stored studies: " + listed + more);
    }

    private ExportProvenance provenance(StudyConfig config, FrozenTrial frozen) {
        Map<String, String> options = config.evaluatorOptions();
        Map<String, String> training = config.evaluator().equals(DatasetSpec.TRAIN)
                ? TrainingSettings.fromMap(options).toMap() : Map.of();
        // The study's stored attack applies to every trial, also one without attack attributes.
        Map<String, String> attributes = new LinkedHashMap<>(frozen.attributes());
        StudyAttack.stored(config).ifPresent(
                attack -> attack.attributes().forEach(attributes::putIfAbsent));
        return new ExportProvenance(study, trial, frozen.seed(), dataset(config), training,
                attributes, frozen.finished(), version(), Instant.now());
    }

    /** Returns the data set as the command line names it, such as cifar10 or fashion-mnist. */
    private static String dataset(StudyConfig config) {
        if (config.evaluator().equals(DatasetSpec.TRAIN)) {
            return DatasetSpec.of(config).displayName();
        }
        return config.evaluatorOptions().getOrDefault("dataset", "unknown");
    }

    /** Returns the version that {@code archforge --version} prints, without the program name. */
    private String version() {
        String[] lines = spec.root().version();
        String line = lines.length == 0 ? "unknown" : lines[0];
        return line.startsWith("archforge ") ? line.substring("archforge ".length()) : line;
    }

    /**
     * Checks that the output is a new or empty directory whose parent can hold it.
     *
     * @throws UsageException naming the path and the fix
     */
    private static void requireNewOutput(Path output) throws IOException {
        try {
            ModelExport.requireNewDirectory(output);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --output: " + e.getMessage(), e);
        }
        Path parent = output.toAbsolutePath().normalize().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UsageException("invalid --output " + output + ": its directory cannot"
                    + " be created; choose a path in a writable directory");
        }
    }

    private void print(ModelExport.ExportResult result) {
        PrintWriter out = spec.commandLine().getOut();
        boolean trained = result.manifest().trained();
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("study", study);
            json.put("trial", trial);
            json.put("space", result.manifest().space());
            json.put("architecture", result.manifest().architecture());
            json.put("trained", trained);
            json.put("directory", result.directory().toString());
            json.put("files", result.files().stream().map(Path::toString).toList());
            json.put("weights_bytes", result.weightsBytes());
            out.println(Json.write(json));
        } else {
            out.println("Exported trial " + trial + " of study '" + study + "' ("
                    + result.manifest().space() + " network, "
                    + (trained ? "trained" : "untrained") + " weights, "
                    + result.weightsBytes() + " bytes) to " + result.directory());
            for (Path file : result.files()) {
                out.println("  " + file.getFileName());
            }
        }
        out.flush();
    }
}
