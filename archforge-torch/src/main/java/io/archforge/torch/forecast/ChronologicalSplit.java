package io.archforge.torch.forecast;

/**
 * The row boundaries of a series split in time order: training rows {@code [0,
 * trainEnd)}, validation rows {@code [trainEnd, validationEnd)} and test rows {@code
 * [validationEnd, testEnd)}. A forecast belongs to the part that contains its target
 * rows. Its input window may reach back into the part before.
 *
 * @param trainEnd the first row after the training rows
 * @param validationEnd the first row after the validation rows
 * @param testEnd the first row after the test rows
 */
public record ChronologicalSplit(int trainEnd, int validationEnd, int testEnd) {

    public ChronologicalSplit {
        if (trainEnd < 1 || validationEnd <= trainEnd || testEnd <= validationEnd) {
            throw new IllegalArgumentException("split boundaries must increase from 1, got "
                    + trainEnd + ", " + validationEnd + " and " + testEnd);
        }
    }

    /** The three parts of a split. */
    public enum Part {
        /** The rows the network trains on and the standardisation is fitted to. */
        TRAIN,
        /** The rows that pick the best epoch and rank the architectures. */
        VALIDATION,
        /** The rows held out for the final report. */
        TEST
    }

    /** Returns the first row of {@code part}. */
    public int start(Part part) {
        return switch (part) {
            case TRAIN -> 0;
            case VALIDATION -> trainEnd;
            case TEST -> validationEnd;
        };
    }

    /** Returns the first row after {@code part}. */
    public int end(Part part) {
        return switch (part) {
            case TRAIN -> trainEnd;
            case VALIDATION -> validationEnd;
            case TEST -> testEnd;
        };
    }

    /** Returns the number of rows of {@code part}. */
    public int rows(Part part) {
        return end(part) - start(part);
    }
}
