package io.archforge.torch.online;

import ai.djl.ndarray.NDManager;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.SplittableRandom;

/**
 * The static baseline: one architecture found by a {@link WindowSearch} on the first
 * rows of the stream, whose weights keep training on each arriving chunk exactly as the
 * members of {@link OnlineNas} do, so that only the architecture stays fixed. Chunks
 * before the searched rows end are skipped, because the search trained on them.
 */
public final class FixedLearner implements StreamLearner {

    private final StreamData data;
    private final NDManager manager;
    private final StreamMember member;
    private final int stepsPerChunk;
    private final int replayWindows;
    private final int searchedRows;
    private final long searchSteps;
    private final long stepsAtDeployment;
    private final SplittableRandom random;

    /**
     * Searches the rows {@code [0, searchedRows)} and keeps the winner.
     *
     * @param stepsPerChunk optimizer steps per arriving chunk
     * @param replayWindows the latest complete windows that batches are drawn from
     */
    public FixedLearner(StreamData data, SearchSpace space, NetworkFactory networks,
            WindowSearch search, int searchedRows, int stepsPerChunk, int replayWindows,
            long seed) {
        this.data = data;
        this.random = new SplittableRandom(seed);
        DjlRuntime.engine().setRandomSeed((int) seed);
        this.manager = DjlRuntime.engine().newBaseManager();
        WindowSearch.Outcome outcome = search.search(0, searchedRows, manager, random);
        this.member = outcome.winner();
        this.searchSteps = outcome.steps();
        this.stepsAtDeployment = member.steps();
        this.stepsPerChunk = stepsPerChunk;
        this.replayWindows = replayWindows;
        this.searchedRows = searchedRows;
    }

    /** Returns the architecture the search found. */
    public Architecture architecture() {
        return member.architecture();
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
        int poolStart = Math.max(data.firstOrigin(), chunk.endWindow() - replayWindows);
        for (int step = 0; step < stepsPerChunk; step++) {
            member.train(poolStart, chunk.endWindow(), chunk.newWindows(), random);
        }
    }

    @Override
    public String deployed() {
        return member.architecture().text();
    }

    @Override
    public long trainingSteps() {
        return searchSteps + member.steps() - stepsAtDeployment;
    }

    @Override
    public void close() {
        member.close();
        manager.close();
    }
}
