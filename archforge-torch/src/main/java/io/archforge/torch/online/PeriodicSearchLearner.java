package io.archforge.torch.online;

import ai.djl.ndarray.NDManager;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic re-search baseline: a {@link WindowSearch} on the first rows of the
 * stream picks the first network, and every {@code everyRows} rows a fresh search over
 * the latest {@code spanRows} rows replaces it with its winner, trained from scratch on
 * those rows. Between searches the deployed network keeps training on each arriving
 * chunk as the members of {@link OnlineNas} do.
 */
public final class PeriodicSearchLearner implements StreamLearner {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSearchLearner.class);

    private final StreamData data;
    private final WindowSearch search;
    private final NDManager manager;
    private final int searchedRows;
    private final int everyRows;
    private final int spanRows;
    private final int stepsPerChunk;
    private final int replayWindows;
    private final SplittableRandom random;
    private final List<Integer> searchRows = new ArrayList<>();
    private StreamMember member;
    private int nextSearch;
    private long steps;

    /**
     * Searches the rows {@code [0, searchedRows)} and deploys the winner.
     *
     * @param everyRows rows between the start of two searches
     * @param spanRows the latest rows each later search covers
     * @param stepsPerChunk optimizer steps per arriving chunk
     * @param replayWindows the latest complete windows that batches are drawn from
     */
    public PeriodicSearchLearner(StreamData data, WindowSearch search, int searchedRows,
            int everyRows, int spanRows, int stepsPerChunk, int replayWindows, long seed) {
        if (everyRows < 1 || spanRows < 1) {
            throw new IllegalArgumentException("periodic search needs everyRows and spanRows"
                    + " of at least 1, got " + everyRows + " and " + spanRows);
        }
        this.data = data;
        this.search = search;
        this.searchedRows = searchedRows;
        this.everyRows = everyRows;
        this.spanRows = spanRows;
        this.stepsPerChunk = stepsPerChunk;
        this.replayWindows = replayWindows;
        this.random = new SplittableRandom(seed);
        DjlRuntime.engine().setRandomSeed((int) seed);
        this.manager = DjlRuntime.engine().newBaseManager();
        deploy(0, searchedRows);
        this.nextSearch = searchedRows + everyRows;
    }

    @Override
    public float[] forecast(int[] origins) {
        return member.forecast(origins);
    }

    @Override
    public void observe(Chunk chunk) {
        if (chunk.end() <= searchedRows) {
            return;
        }
        // A search at the last row would deploy a network that forecasts nothing.
        if (chunk.end() >= nextSearch && chunk.end() < data.rows()) {
            deploy(Math.max(0, chunk.end() - spanRows), chunk.end());
            nextSearch += everyRows;
            return;
        }
        int poolStart = Math.max(data.firstOrigin(), chunk.endWindow() - replayWindows);
        long before = member.steps();
        for (int step = 0; step < stepsPerChunk; step++) {
            member.train(poolStart, chunk.endWindow(), chunk.newWindows(), random);
        }
        steps += member.steps() - before;
    }

    private void deploy(int from, int to) {
        WindowSearch.Outcome outcome = search.search(from, to, manager, random);
        if (member != null) {
            member.close();
        }
        member = outcome.winner();
        steps += outcome.steps();
        searchRows.add(to);
        LOG.debug("Search over rows [{}, {}) deployed {}", from, to, member.architecture());
    }

    /** Returns the row at the end of each search, the first search included. */
    public List<Integer> searchRows() {
        return List.copyOf(searchRows);
    }

    @Override
    public String deployed() {
        return member.architecture().text();
    }

    @Override
    public long trainingSteps() {
        return steps;
    }

    @Override
    public void close() {
        member.close();
        manager.close();
    }
}
