package io.archforge.app.online;

import io.archforge.torch.online.StreamData;
import io.archforge.torch.online.StreamLearner;

/**
 * The naive reference forecast: every step of a window repeats the last input value. It
 * learns nothing, so it shows how hard a stretch of the stream is.
 */
final class NaiveLearner implements StreamLearner {

    private final StreamData data;

    NaiveLearner(StreamData data) {
        this.data = data;
    }

    @Override
    public float[] forecast(int[] origins) {
        float[] forecasts = new float[origins.length * data.horizon()];
        for (int i = 0; i < origins.length; i++) {
            java.util.Arrays.fill(forecasts, i * data.horizon(), (i + 1) * data.horizon(),
                    data.value(origins[i] - 1));
        }
        return forecasts;
    }

    @Override
    public void observe(Chunk chunk) {
        // The naive forecast has no parameters to train.
    }

    @Override
    public String deployed() {
        return "naive";
    }

    @Override
    public long trainingSteps() {
        return 0;
    }

    @Override
    public void close() {
        // Nothing to free.
    }
}
