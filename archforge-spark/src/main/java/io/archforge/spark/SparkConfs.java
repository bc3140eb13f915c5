package io.archforge.spark;

import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * Builds the {@link SparkConf} of a {@link SparkTrialExecutor}. The driver binds to
 * 127.0.0.1 and starts no web UI and no event log, so local mode opens no socket beyond
 * loopback. A real cluster must reach the driver, so there the user overrides
 * {@code spark.driver.host} and {@code spark.driver.bindAddress} with executor options.
 */
final class SparkConfs {

    /** The loopback address that the driver binds to unless the options set another. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * JVM flags that keep DJL from downloading engines or sending usage data. In local mode
     * the executors are threads of the launcher's JVM, which already has them.
     */
    static final String DJL_OFFLINE_FLAGS = "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true";

    private static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

    private SparkConfs() {
    }

    /** Builds the configuration for {@code config}, with {@code appName} shown by Spark. */
    static SparkConf build(SparkExecutorConfig config, String appName) {
        SparkConf conf = new SparkConf()
                .setMaster(config.master().url())
                .setAppName(appName)
                .set("spark.driver.host", LOOPBACK)
                .set("spark.driver.bindAddress", LOOPBACK)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.eventLog.enabled", "false")
                .set("spark.executorEnv.DJL_OFFLINE", "true")
                .set("spark.executorEnv.OPT_OUT_TRACKING", "true");
        for (Map.Entry<String, String> property : config.sparkProperties().entrySet()) {
            conf.set(property.getKey(), property.getValue());
        }

        // The user's executor flags come first, so that the offline flags always win.
        String userFlags = conf.get(EXECUTOR_JAVA_OPTIONS, "").strip();
        conf.set(EXECUTOR_JAVA_OPTIONS,
                userFlags.isEmpty() ? DJL_OFFLINE_FLAGS : userFlags + " " + DJL_OFFLINE_FLAGS);
        return conf;
    }
}
