package io.archforge.app.provenance;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domains;
import io.archforge.app.domain.command.CommandDomain;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.provenance.DataInput;
import io.archforge.torch.data.DataFileException;
import io.archforge.torch.data.DataSources;
import java.nio.file.Path;
import java.util.List;

/** The data that the evaluator of a {@link DatasetSpec} reads, and whether it runs DJL. */
public final class DataInputs {

    private DataInputs() {
    }

    /**
     * Lists the data files and shipped resources that the evaluator of {@code spec}
     * reads: the NAS-Bench-201 table, the four IDX files of the training data or the
     * shipped subset's resources, or what the domain lists ({@link
     * io.archforge.app.domain.Domain#dataInputs}).
     *
     * @throws UsageException when the training data directory lacks a file
     */
    public static List<DataInput> of(DatasetSpec spec) {
        if (spec instanceof DatasetSpec.Tabular) {
            return List.of(DataInput.resource(Nb201Table.class, Nb201Table.RESOURCE));
        }
        if (spec instanceof DatasetSpec.Domain domain) {
            return Domains.of(domain).dataInputs(domain);
        }
        return training((DatasetSpec.Training) spec);
    }

    /**
     * Returns whether the evaluator of {@code spec} runs networks with DJL: real training
     * of images, graphs, series and text, and NAS-Bench-201 look-ups with latency measured
     * on this machine.
     */
    public static boolean usesDjl(DatasetSpec spec) {
        if (spec instanceof DatasetSpec.Tabular tabular) {
            return tabular.device().filter(DatasetSpec.LOCAL_DEVICE::equals).isPresent();
        }
        if (spec instanceof DatasetSpec.Domain domain) {
            return !domain.tabular() && !domain.evaluator().equals(CommandDomain.EVALUATOR);
        }
        return true;
    }

    /** Lists the files that {@link io.archforge.app.setup.EvaluatorFactory#readData} reads. */
    private static List<DataInput> training(DatasetSpec.Training spec) {
        boolean idx = spec.source().equals(DatasetSpec.IDX);
        String name = idx ? "idx:" + spec.directory().orElseThrow() : DatasetSpec.FASHION_MNIST;
        Path directory = idx ? null : spec.directory().orElse(null);
        try {
            return DataSources.inputs(name, directory);
        } catch (DataFileException | IllegalArgumentException e) {
            throw new UsageException("cannot list the training data files: " + e.getMessage(), e);
        }
    }
}
