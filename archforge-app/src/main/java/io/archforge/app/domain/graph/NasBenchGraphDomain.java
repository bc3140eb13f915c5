package io.archforge.app.domain.graph;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.benchmarks.graph.NasBenchGraphEvaluator;
import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.provenance.DataInput;
import io.archforge.space.NasBenchGraphSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NAS-Bench-Graph tables: {@code --benchmark nasbench-graph --dataset
 * cora|citeseer|pubmed}. A search looks each architecture of the {@code nasbench-graph}
 * space up in the table of the data set, after mapping it to the representative of its
 * equivalence group ({@link NasBenchGraphEvaluator}). The default objective is
 * {@code valid_accuracy:max}.
 */
public final class NasBenchGraphDomain implements Domain {

    /** The evaluator name stored with a study, also the {@code --benchmark} value. */
    public static final String EVALUATOR = NasBenchGraphTable.BENCHMARK;

    /** The evaluator option holding the data set. */
    public static final String DATASET = "dataset";

    private static final Map<String, NasBenchGraphTable> TABLES = new ConcurrentHashMap<>();

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        return request.benchmark().filter(EVALUATOR::equals).isPresent();
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        String dataset = request.dataset();
        if (!NasBenchGraphTable.DATASETS.contains(dataset)) {
            throw new UsageException("unknown --dataset '" + dataset + "' for --benchmark "
                    + EVALUATOR + ": use " + String.join(", ", NasBenchGraphTable.DATASETS));
        }
        return spec(dataset);
    }

    private static void rejectUnused(DomainRequest request) {
        request.data().ifPresent(data -> {
            throw new UsageException("--data " + data + " does not apply to --benchmark "
                    + EVALUATOR + ", whose tables are bundled; drop --data");
        });
        request.device().ifPresent(device -> {
            throw new UsageException("--device " + device + " does not apply to --benchmark "
                    + EVALUATOR + ", whose latency_ms is the benchmark's own measurement;"
                    + " drop --device");
        });
        if (!request.options().isEmpty()) {
            String option = request.options().keySet().iterator().next();
            throw new UsageException(option + " " + request.options().get(option)
                    + " does not apply to --benchmark " + EVALUATOR + "; drop " + option);
        }
        if (!request.training().isEmpty()) {
            String option = request.training().keySet().iterator().next();
            throw new UsageException(option + " " + request.training().get(option)
                    + " does not apply to --benchmark " + EVALUATOR + ", which looks results"
                    + " up instead of training; drop " + option + ", or train for real with"
                    + " --space gnn --dataset cora|citeseer and no --benchmark");
        }
    }

    private static DatasetSpec.Domain spec(String dataset) {
        return new DatasetSpec.Domain(EVALUATOR, Map.of(DATASET, dataset),
                EVALUATOR + "-" + dataset, dataset, NasBenchGraphSpace.NAME, true);
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        String dataset = options.get(DATASET);
        if (dataset == null || !NasBenchGraphTable.DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("nasbench-graph evaluator options need '"
                    + DATASET + "' of " + NasBenchGraphTable.DATASETS + ": " + options);
        }
        return spec(dataset);
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        String dataset = restore(spec.evaluatorOptions()).displayName();
        String searched = space.unrestricted().name();
        if (!searched.equals(NasBenchGraphSpace.NAME)) {
            throw new UsageException("--space " + searched + " does not fit --benchmark "
                    + EVALUATOR + ", whose tables cover only the " + NasBenchGraphSpace.NAME
                    + " space; use --space " + NasBenchGraphSpace.NAME + " or drop --space"
                    + (searched.equals("gnn") ? ", or drop --benchmark to train gnn networks"
                            + " for real" : ""));
        }
        NasBenchGraphTable table = TABLES.computeIfAbsent(dataset, NasBenchGraphTable::load);
        return new EvaluatorFactory.Setup(new NasBenchGraphEvaluator(table), Optional.empty());
    }

    /** Lists the shipped table of the data set. */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        String dataset = restore(spec.evaluatorOptions()).displayName();
        return List.of(DataInput.resource(NasBenchGraphTable.class,
                String.format(NasBenchGraphTable.RESOURCE_PATTERN, dataset)));
    }

    /** Returns {@code valid_accuracy:max}. */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        return List.of(Objective.maximize(NasBenchGraphEvaluator.VALID_ACCURACY));
    }
}
