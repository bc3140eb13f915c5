package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trial numbering under contention: threads of one process and separate processes. */
class ConcurrentTrialsTest {

    private static final int PER_THREAD = 150;

    @TempDir
    Path dir;

    @Test
    void threadsGetDistinctNumbers() throws Exception {
        Path file = dir.resolve("threads.db");
        long retriesBefore = Database.retries();
        try (Storage storage = Storages.open(file.toString())) {
            storage.createStudy(StoreFixtures.study("s"));
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> createTrials(storage, "s"));
                thread.setUncaughtExceptionHandler((th, e) -> {
                    synchronized (errors) {
                        errors.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(errors).isEmpty();
            assertNumbered(storage.trials("s"), 2 * PER_THREAD);
        }
        assertThat(Database.retries() - retriesBefore).as("transactions retried").isZero();
    }

    private static void createTrials(Storage storage, String study) {
        for (int i = 0; i < PER_THREAD; i++) {
            int number = storage.createTrial(study, "arch", i, Map.of());
            storage.finishTrial(study, number, TrialState.COMPLETE,
                    TrialWorker.expectedMetrics(number), Map.of(), Optional.empty());
        }
    }

    @Test
    void processesGetDistinctNumbers() throws Exception {
        Path file = dir.resolve("processes.db");
        try (Storage storage = Storages.open(file.toString())) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(ChildJvm.start(TrialWorker.class, dir.resolve("out" + c + ".txt"),
                    dir.resolve("err" + c + ".txt"), file.toString(), "s",
                    Integer.toString(PER_THREAD), "2"));
        }
        List<List<String>> outputs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            boolean ended = children.get(c).waitFor(60, TimeUnit.SECONDS);
            assertThat(ended).as("child %d ended", c).isTrue();
            outputs.add(Files.readAllLines(dir.resolve("out" + c + ".txt")));
        }

        for (int c = 0; c < 2; c++) {
            String errors = Files.readString(dir.resolve("err" + c + ".txt"));
            assertThat(children.get(c).exitValue()).as("exit code; stderr: %s", errors).isZero();
            assertThat(errors).doesNotContainIgnoringCase("SQLITE_BUSY");
            assertThat(outputs.get(c)).last().isEqualTo("retries=0");
            assertThat(outputs.get(c)).hasSize(2 * PER_THREAD + 1);
        }
        try (Storage storage = Storages.open(file.toString())) {
            assertNumbered(storage.trials("s"), 4 * PER_THREAD);
        }
    }

    /** Checks trials 0 to count - 1, each once, all complete with their metrics. */
    private static void assertNumbered(List<FrozenTrial> trials, int count) {
        assertThat(trials).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
        for (FrozenTrial trial : trials) {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.metrics()).isEqualTo(TrialWorker.expectedMetrics(trial.number()));
        }
    }
}
