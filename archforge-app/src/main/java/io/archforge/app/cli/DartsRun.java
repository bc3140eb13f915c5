package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.Nb201Tables;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.oneshot.CollapseGuard;
import io.archforge.oneshot.CollapsedCellException;
import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import io.archforge.storage.Storage;
import io.archforge.study.Budget;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.torch.darts.DartsResult;
import io.archforge.torch.darts.DartsSearch;
import io.archforge.torch.darts.DartsSettings;
import io.archforge.torch.darts.EpochRecord;
import io.archforge.torch.darts.SearchMemoryException;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A differentiable search (darts, beta-darts, gdas), recorded as a study of one trial.
 * The trial is the derived cell, with the supernet's validation accuracy, the mean
 * entropy of the architecture weights, the number of parameter-free operations and the
 * search time. It also records the cell's 200-epoch CIFAR-10 test accuracy from the
 * NAS-Bench-201 table.
 */
record DartsRun(DartsSettings settings) implements WeightSharingRun {

    /** The metric of the cell's 200-epoch CIFAR-10 test accuracy in NAS-Bench-201, percent. */
    static final String CIFAR10_TEST_ACCURACY = "cifar10_test_accuracy";

    private static final Logger LOG = LoggerFactory.getLogger(DartsRun.class);

    /** Returns 1: the derived cell is the study's one trial. */
    @Override
    public int trials() {
        return 1;
    }

    @Override
    public int trainImages() {
        return settings.trainImages();
    }

    @Override
    public int validationImages() {
        return settings.validationImages();
    }

    @Override
    public Map<String, String> evaluatorOptions(DatasetSpec.Training dataset) {
        Map<String, String> options = new LinkedHashMap<>(dataset.evaluatorOptions());
        options.putAll(DartsOptions.describe(settings));
        return options;
    }

    @Override
    public void prepare(TrainTestData data, DataSplit split) {
        try {
            new DartsSearch(settings, WeightSharingRun.imageInput(data)).plan(split);
        } catch (SearchMemoryException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    @Override
    public Outcome execute(Storage storage, StudyConfig config, TrainTestData data,
            DataSplit split, long seed) {
        DartsResult result;
        try {
            result = new DartsSearch(settings, WeightSharingRun.imageInput(data))
                    .run(split, seed, record -> { }, () -> false);
        } catch (SearchMemoryException e) {
            throw new UsageException(e.getMessage(), e);
        }
        CellSpace space = CellSpace.nb201();
        Architecture cell = result.cell();
        boolean collapsed = false;
        try {
            CollapseGuard.check(space, cell);
        } catch (CollapsedCellException e) {
            LOG.warn("Recording a collapsed cell: {}", e.getMessage());
            collapsed = true;
        }
        Nb201Table table = Nb201Tables.shared();
        double cifar10 = table.testAccuracy(table.indexOf(cell), Nb201Dataset.CIFAR10);
        EpochRecord last = result.last();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(SUPERNET_ACCURACY, last.validationAccuracy());
        metrics.put("alpha_entropy", last.entropy());
        metrics.put("parameter_free_ops",
                (double) CellPaths.count(space, cell, CellPaths.PARAMETER_FREE));
        metrics.put("search_seconds", result.seconds());
        metrics.put(CIFAR10_TEST_ACCURACY, cifar10);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("unguarded_cell", result.unguarded().text());
        attributes.put("architecture_weights", last.weights().describe());
        attributes.put("batch_size", Integer.toString(result.batchSize()));
        attributes.put("collapsed", Boolean.toString(collapsed));

        Study study = Study.open(storage, config, space,
                new GivenArchitecture(config.strategy(), cell));
        study.optimize(new GivenResult(metrics, attributes), Budget.trials(1),
                StudyListener.NONE);
        return new Outcome(details(result, collapsed, cifar10));
    }

    private Map<String, Object> details(DartsResult result, boolean collapsed, double cifar10) {
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochRecord record : result.epochs()) {
            Map<String, Object> epoch = new LinkedHashMap<>();
            epoch.put("epoch", record.epoch());
            epoch.put("train_loss", record.trainLoss());
            epoch.put(SUPERNET_ACCURACY, record.validationAccuracy());
            epoch.put("alpha_entropy", record.entropy());
            epoch.put("derived", record.derived().text());
            epoch.put("alpha", record.weights().probabilities());
            epoch.put("seconds", record.seconds());
            epoch.put("resident_mb", record.residentMb());
            epochs.add(epoch);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cell", result.cell().text());
        details.put("unguarded_cell", result.unguarded().text());
        details.put("collapsed", collapsed);
        details.put(CIFAR10_TEST_ACCURACY, cifar10);
        details.put("batch_size", result.batchSize());
        details.put("memory_estimate_mb", result.estimatedMb());
        details.put("peak_resident_mb", result.peakResidentMb());
        details.put("steps", result.steps());
        details.put("seconds", result.seconds());
        details.put("epochs", epochs);
        details.put("summary", "Derived cell " + result.cell().text() + ": supernet accuracy "
                + WeightSharingSearch.percent(result.last().validationAccuracy())
                + ", NAS-Bench-201 CIFAR-10 test accuracy " + WeightSharingSearch.percent(cifar10)
                + (collapsed ? " (collapsed into parameter-free operations)" : ""));
        return details;
    }
}
