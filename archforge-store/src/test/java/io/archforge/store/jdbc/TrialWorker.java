package io.archforge.store.jdbc;

import io.archforge.storage.Storage;
import io.archforge.study.TrialState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second process for the concurrency and crash tests: creates and finishes
 * trials in an existing study and prints each finished number on its own line,
 * flushed, after the finishing transaction committed. Ends with a line
 * {@code retries=N}, the transactions it had to run again.
 *
 * <p>Arguments: {@code STORE STUDY TRIALS THREADS}, where TRIALS per thread is
 * negative for an endless loop.
 */
public final class TrialWorker {

    private TrialWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        String store = args[0];
        String study = args[1];
        int trials = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        try (Storage storage = Storages.open(store)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> run(storage, study, trials, out));
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        out.println("retries=" + Database.retries());
        out.flush();
    }

    private static void run(Storage storage, String study, int trials, PrintStream out) {
        for (int i = 0; trials < 0 || i < trials; i++) {
            int number = storage.createTrial(study, "arch-" + i, i, Map.of("worker", "child"));
            storage.reportIntermediate(study, number, 0, "accuracy", number / 2.0);
            storage.finishTrial(study, number, TrialState.COMPLETE, expectedMetrics(number),
                    Map.of(), Optional.empty());
            synchronized (out) {
                out.println(number);
                out.flush();
            }
        }
    }

    /** Returns the metrics the worker stores for trial {@code number}. */
    static Map<String, Double> expectedMetrics(int number) {
        return Map.of("accuracy", number + 0.25, "params", number * 0.5, "flops", number * 2.0);
    }
}
