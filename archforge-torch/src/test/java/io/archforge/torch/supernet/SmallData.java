package io.archforge.torch.supernet;

import ai.djl.nn.Parameter;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.train.DjlRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tiny Fashion-MNIST split and network input the supernet tests share. */
final class SmallData {

    /** Fashion-MNIST images: one channel, 28x28, ten classes. */
    static final Nb201Input INPUT = new Nb201Input(1, 28, 10);

    private static DataSplit split;

    private SmallData() {
    }

    /** Returns 320 training and 200 validation images of the shipped subset. */
    static synchronized DataSplit split() {
        if (split == null) {
            DjlRuntime.setThreads(1);
            split = DataSplit.carve(DataSources.shippedFashionMnistSubset().train(), 200, 320,
                    7);
        }
        return split;
    }

    /** Copies the values of every parameter of {@code supernet}, by parameter id. */
    static Map<String, float[]> snapshot(Supernet supernet) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Parameter parameter : supernet.block().getParameters().values()) {
            values.put(parameter.getId(), parameter.getArray().toFloatArray());
        }
        return values;
    }
}
