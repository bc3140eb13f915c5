package io.archforge.torch.forecast;

/**
 * A division of a data set's rows, in time order, into training, validation and test
 * rows.
 */
public sealed interface SplitRule permits SplitRule.Rows, SplitRule.Fractions {

    /**
     * Returns the split of a series of {@code size} rows.
     *
     * @param source the series name, for messages
     * @throws TimeSeriesFormatException when the series is too short for the rule
     */
    ChronologicalSplit apply(int size, String source);

    /**
     * Fixed row counts from the first row on; rows after them are not used. The ETT
     * series take 12, 4 and 4 months of 30 days of hourly rows, as Zhou et al.,
     * "Informer" (AAAI 2021), split them.
     *
     * @param train the training rows
     * @param validation the validation rows
     * @param test the test rows
     */
    record Rows(int train, int validation, int test) implements SplitRule {
        public Rows {
            if (train < 1 || validation < 1 || test < 1) {
                throw new IllegalArgumentException("split row counts must be positive, got "
                        + train + ", " + validation + " and " + test);
            }
        }

        @Override
        public ChronologicalSplit apply(int size, String source) {
            int needed = train + validation + test;
            if (size < needed) {
                throw new TimeSeriesFormatException("time series " + source + " has " + size
                        + " rows, but its split needs " + train + " + " + validation + " + "
                        + test + " = " + needed);
            }
            return new ChronologicalSplit(train, train + validation, needed);
        }
    }

    /**
     * Fractions of all rows: the first {@code train} share for training, the last
     * {@code test} share for testing, and the rows between for validation. Each count is
     * rounded down, as the Autoformer code base (Wu et al., NeurIPS 2021) does.
     *
     * @param train the training share, such as 0.7
     * @param test the test share, such as 0.2
     */
    record Fractions(double train, double test) implements SplitRule {
        public Fractions {
            if (!(train > 0) || !(test > 0) || !(train + test < 1)) {
                throw new IllegalArgumentException("split fractions need train > 0, test > 0"
                        + " and train + test < 1, got " + train + " and " + test);
            }
        }

        @Override
        public ChronologicalSplit apply(int size, String source) {
            int trainRows = (int) (size * train);
            int testRows = (int) (size * test);
            int validationRows = size - trainRows - testRows;
            if (trainRows < 1 || testRows < 1 || validationRows < 1) {
                throw new TimeSeriesFormatException("time series " + source + " has " + size
                        + " rows, too few to split " + train + " / " + (1 - train - test)
                        + " / " + test + "; it needs at least one row in each part");
            }
            return new ChronologicalSplit(trainRows, trainRows + validationRows, size);
        }
    }
}
