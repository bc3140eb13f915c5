package io.archforge.torch.darts;

import io.archforge.space.Architecture;
import java.util.List;
import java.util.SortedMap;

/**
 * The outcome of a differentiable search.
 *
 * @param cell the derived cell, after the skip limit if any
 * @param unguarded the cell of the strongest operation on every edge, without the skip
 *     limit
 * @param epochs one record per epoch
 * @param batchSize the batch size the search ran with, after the memory plan
 * @param estimatedMb the memory plan's estimate for that batch size
 * @param steps the number of architecture and weight step pairs run
 * @param seconds wall-clock time of the search
 * @param peakResidentMb the process's peak resident memory so far, in MB, read every 100
 *     steps and keyed by step
 */
public record DartsResult(Architecture cell, Architecture unguarded, List<EpochRecord> epochs,
        int batchSize, double estimatedMb, int steps, double seconds,
        SortedMap<Integer, Double> peakResidentMb) {

    public DartsResult {
        epochs = List.copyOf(epochs);
    }

    /** Returns the last epoch's record. */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }
}
