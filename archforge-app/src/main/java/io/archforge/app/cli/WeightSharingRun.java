package io.archforge.app.cli;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.storage.Storage;
import io.archforge.study.StudyConfig;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import java.util.Map;

/** One planned weight-sharing search, checked before any data is read. */
sealed interface WeightSharingRun permits DartsRun, SposRun {

    /** Validation accuracy of an architecture with the shared weights, percent. */
    String SUPERNET_ACCURACY = "supernet_accuracy";

    /** Returns the number of training images the run needs. */
    int trainImages();

    /** Returns the number of complete trials that finish the run's study. */
    int trials();

    /** Returns the number of held-out images the run scores on. */
    int validationImages();

    /** Returns the evaluator options to store with the study: data set and run settings. */
    Map<String, String> evaluatorOptions(DatasetSpec.Training dataset);

    /**
     * Checks, before the store opens, that the data and the memory fit the run.
     *
     * @throws UsageException naming what does not fit and the fix
     */
    void prepare(TrainTestData data, DataSplit split);

    /**
     * Trains, searches, and stores the result as trials of a study with {@code config}.
     *
     * @return details for the printed report
     */
    Outcome execute(Storage storage, StudyConfig config, TrainTestData data, DataSplit split,
            long seed);

    /**
     * The details that a run prints beside the study report.
     *
     * @param details JSON-ready values, where {@code summary} is a text line for the text
     *     report
     */
    record Outcome(Map<String, Object> details) {
    }

    /**
     * Returns the NAS-Bench-201 network input for the greyscale images of {@code data}.
     *
     * @throws UsageException when the images do not fit the stem
     */
    static Nb201Input imageInput(TrainTestData data) {
        int rows = data.train().rows();
        int columns = data.train().columns();
        if (rows != columns || rows % 4 != 0 || rows < 4) {
            throw new UsageException("invalid image size " + rows + "x" + columns + ": the"
                    + " network's stem and its two reductions need square images whose side"
                    + " is a multiple of 4, such as 28x28");
        }
        return new Nb201Input(1, rows, data.classCount());
    }
}
