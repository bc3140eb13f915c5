package io.archforge.app.domain;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.provenance.DataInput;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import java.util.List;
import java.util.Map;

/**
 * A family of data sets beyond the image tasks: graphs, time series, text, or a
 * further tabular benchmark. A domain reads its part of the command line, stores what it
 * read as evaluator options, and builds the evaluator from them again wherever a study
 * runs: in {@code search}, in a {@code worker} or on a cluster executor.
 *
 * <p>Implementations are stateless and registered in {@link Domains}.
 */
public interface Domain {

    /**
     * Returns the evaluator name stored with a study of this domain. A tabular domain's
     * evaluator name is also its {@code --benchmark} name.
     */
    String evaluator();

    /** Returns whether the command line in {@code request} names this domain. */
    boolean claims(DomainRequest request);

    /**
     * Reads the command line into a data set of this domain.
     *
     * @throws io.archforge.app.cli.UsageException naming the bad value and the fix
     */
    DatasetSpec.Domain parse(DomainRequest request);

    /**
     * Rebuilds the data set stored with a study from its evaluator options.
     *
     * @throws IllegalArgumentException when a stored option is invalid
     */
    DatasetSpec.Domain restore(Map<String, String> options);

    /**
     * Creates the evaluator of {@code spec} for architectures of {@code space}.
     *
     * @throws io.archforge.app.cli.UsageException when the space does not fit the domain,
     *     or the data cannot be read
     */
    EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space);

    /**
     * Lists the data files and shipped resources that the evaluator of {@code spec} reads,
     * such as a CSV file, a graph's files or a benchmark table, so that every trial can
     * record their checksums. Lists none when the evaluator reads no data.
     *
     * @throws io.archforge.app.cli.UsageException when the stored options name no valid
     *     data set
     */
    List<DataInput> dataInputs(DatasetSpec.Domain spec);

    /** Returns the objectives of a search of {@code spec} that names none. */
    List<Objective> defaultObjectives(DatasetSpec.Domain spec);
}
