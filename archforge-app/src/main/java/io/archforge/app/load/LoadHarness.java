package io.archforge.app.load;

import io.archforge.app.child.ChildJvms;
import io.archforge.space.CellSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one load test: creates a NAS-Bench-201 study with {@code archforge search}, starts
 * the worker processes with {@code archforge worker} on it, waits for them (see
 * {@link WorkerWatch}), and checks the stored trials and what the workers wrote.
 */
public final class LoadHarness {

    /** The heap of each worker: a table look-up needs little, and 32 of them share the machine. */
    private static final int WORKER_HEAP_MB = 256;

    /** The exit status of {@code archforge} for bad input. */
    private static final int USAGE_STATUS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LoadHarness.class);

    private final LoadSettings settings;

    public LoadHarness(LoadSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the study to its budget and checks it.
     *
     * @throws IllegalArgumentException when the study exists already, or the search that
     *     creates it rejects the settings as bad input
     * @throws IllegalStateException when the search that creates the study fails
     * @throws IOException when a process cannot be started or its output read
     */
    public LoadReport run() throws IOException, InterruptedException {
        Files.createDirectories(settings.logs());
        createStudy();

        // Every worker starts at once, as a job array or a shell loop would start them
        LOG.info("Starting {} workers on study '{}' in {}", settings.workers(),
                settings.study(), store());
        List<Process> workers = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 1; i <= settings.workers(); i++) {
                workers.add(ChildJvms.start(settings.logs(), workerName(i), List.of("worker",
                        "--storage", settings.storage(), "--study", settings.study()),
                        WORKER_HEAP_MB));
            }
            try (Storage storage = Storages.open(settings.storage())) {
                WorkerWatch.Ending ending = new WorkerWatch(settings, storage, workers)
                        .await(start);

                // The stored trials and the workers' stderr decide whether the run passed
                List<FrozenTrial> trials = storage.trials(settings.study());
                return new LoadReport(store(), settings, ending.wallSeconds(),
                        ending.exitCodes(), ending.killed(), ending.timedOut(),
                        TrialChecks.of(trials, settings.trials(), CellSpace.nb201()),
                        TrialTimes.of(trials), WorkerLogs.read(workerErrors()));
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    /** Creates the study and its budget with a search that stops after its first trial. */
    private void createStudy() throws IOException, InterruptedException {
        try (Storage storage = Storages.open(settings.storage())) {
            if (storage.loadStudy(settings.study()).isPresent()) {
                throw new IllegalArgumentException("study '" + settings.study() + "' exists in "
                        + store() + ": choose another --study, or leave it out for a fresh name");
            }
        }
        List<String> args = new ArrayList<>(List.of("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--storage", settings.storage(), "--study",
                settings.study(), "--trials", Integer.toString(settings.trials()),
                "--time-limit", "1ms"));
        settings.trialDelay().ifPresent(delay -> args.addAll(List.of("--trial-delay", delay)));
        Process search = ChildJvms.start(settings.logs(), "create", args, WORKER_HEAP_MB);
        if (!search.waitFor(settings.processTimeout().toSeconds(), TimeUnit.SECONDS)) {
            search.destroyForcibly();
            throw new IllegalStateException("the search that creates study '"
                    + settings.study() + "' did not end within " + settings.processTimeout()
                    + "; see " + ChildJvms.stderr(settings.logs(), "create"));
        }
        if (search.exitValue() == USAGE_STATUS) {
            // The search printed the reason with the command line's error prefix.
            throw new IllegalArgumentException(lastLine(ChildJvms.stderr(settings.logs(),
                    "create")).replaceFirst("^archforge: ", ""));
        }
        if (search.exitValue() != 0) {
            throw new IllegalStateException("the search that creates study '"
                    + settings.study() + "' failed with status " + search.exitValue() + ": "
                    + lastLine(ChildJvms.stderr(settings.logs(), "create")));
        }
    }

    private List<Path> workerErrors() {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= settings.workers(); i++) {
            files.add(ChildJvms.stderr(settings.logs(), workerName(i)));
        }
        return files;
    }

    private static String workerName(int index) {
        return "worker-" + index;
    }

    private String store() {
        return Storages.redact(settings.storage());
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "no output in " + file;
    }
}
