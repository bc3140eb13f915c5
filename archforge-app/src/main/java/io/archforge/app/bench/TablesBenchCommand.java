package io.archforge.app.bench;

import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench tables}: loads the NAS-Bench-201 tables once and prints the
 * load time and the heap they retain. Run it in a fresh process for a cold-start figure.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Print the load time and heap use of the NAS-Bench-201 tables.")
public final class TablesBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TableLoadMeasurement load = TableLoadMeasurement.measure();
        Nb201Table table = load.table();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "NAS-Bench-201 tables: %d cells, %d isomorphism classes,"
                + " %d latency devices%n", table.size(), table.isoClassCount(),
                table.devices().size());
        out.printf(Locale.ROOT, "resource:      %s (%.2f MB compressed)%n", Nb201Table.RESOURCE,
                resourceBytes() / 1e6);
        out.printf(Locale.ROOT, "load time:     %.1f ms%n", load.millis());
        out.printf(Locale.ROOT, "heap retained: %.1f MiB (measured after GC, an estimate);"
                + " arrays alone: %.1f MiB%n", load.retainedBytes() / (1024.0 * 1024.0),
                table.estimatedBytes() / (1024.0 * 1024.0));
        out.flush();
        return 0;
    }

    private static long resourceBytes() throws IOException {
        try (InputStream in = Nb201Table.class.getResourceAsStream(Nb201Table.RESOURCE)) {
            return in == null ? 0 : in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
