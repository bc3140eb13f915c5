package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Table;

/**
 * Time and heap taken by loading the NAS-Bench-201 tables from the classpath.
 *
 * @param millis wall time of {@link Nb201Table#load()} in milliseconds
 * @param retainedBytes heap in use after loading minus before, both after a
 *     garbage collection request, so an estimate
 * @param table the loaded table
 */
public record TableLoadMeasurement(double millis, long retainedBytes, Nb201Table table) {

    /**
     * Loads the tables once and measures it. Call it in a fresh JVM for a cold figure:
     * later calls find the classes loaded and the code compiled.
     */
    public static TableLoadMeasurement measure() {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        Nb201Table table = Nb201Table.load();
        double millis = (System.nanoTime() - start) / 1e6;
        long after = usedHeapAfterGc();
        return new TableLoadMeasurement(millis, after - before, table);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
