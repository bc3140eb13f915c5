package io.archforge.app.cli;

import io.archforge.torch.data.DataSources;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.proxy.ProxyBatch;
import io.archforge.torch.proxy.ProxyBatches;

/**
 * The source of the batch for data-dependent proxies, chosen with {@code --proxy-data}.
 * Fashion-MNIST always means the subset shipped in the jar, so that scores do not
 * depend on whether the full data set is installed.
 */
public enum ProxyData {
    NOISE("noise"),
    FASHION_MNIST("fashion-mnist");

    private final String id;

    ProxyData(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Returns the source named {@code name}.
     *
     * @throws UsageException naming the value and the allowed names
     */
    public static ProxyData parse(String name) {
        for (ProxyData data : values()) {
            if (data.id.equals(name)) {
                return data;
            }
        }
        throw new UsageException("invalid --proxy-data '" + name
                + "': use noise or fashion-mnist");
    }

    /** Creates the batch of {@code size} images for {@code input} from {@code seed}. */
    public ProxyBatch batch(Nb201Input input, int size, long seed) {
        return switch (this) {
            case NOISE -> ProxyBatches.noise(input, size, seed);
            case FASHION_MNIST -> ProxyBatches.fromImages(
                    DataSources.shippedFashionMnistSubset().train(), "the shipped"
                            + " Fashion-MNIST subset", input, size, seed);
        };
    }
}
