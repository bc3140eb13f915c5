package io.archforge.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialExecutors;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Option and master validation. None of these tests starts a Spark context. */
class SparkExecutorConfigTest {

    private static ExecutorSettings settings(Integer parallelism, String master,
            Map<String, String> options) {
        return new ExecutorSettings(Optional.ofNullable(parallelism), Optional.ofNullable(master),
                options);
    }

    @Test
    void defaultMasterIsTwoThreadsThreeAttempts() {
        SparkExecutorConfig config = SparkExecutorConfig.of(ExecutorSettings.defaults());

        assertThat(config.master().url()).isEqualTo("local[2,3]");
        assertThat(config.parallelism()).isEmpty();
        assertThat(config.gpusPerTrial()).isEmpty();
    }

    @Test
    void defaultMasterTakesParallelismAndMaxFailures() {
        SparkExecutorConfig config = SparkExecutorConfig.of(settings(4, null,
                Map.of("max_failures", "5")));

        assertThat(config.master().url()).isEqualTo("local[4,5]");
        assertThat(config.parallelism()).hasValue(4);
    }

    @Test
    void unknownOptionListsKnownOnes() {
        assertThatThrownBy(() -> SparkExecutorConfig.of(settings(null, null,
                Map.of("gpus", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'gpus'")
                .hasMessageContaining("gpus_per_trial")
                .hasMessageContaining("max_failures")
                .hasMessageContaining("spark.*");
    }

    @Test
    void gpusInLocalModeAreRejectedAtCreate() {
        ExecutorSettings settings = settings(null, "local[2,3]", Map.of("gpus_per_trial", "1"));

        assertThatThrownBy(() -> TrialExecutors.create("spark", new ProbeRecipe(10), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpus_per_trial=1")
                .hasMessageContaining("local[2,3]")
                .hasMessageContaining("--spark-master")
                .hasMessageContaining("spark.executor.resource.gpu.amount");
    }

    @Test
    void gpusOnClusterBuildConfig() {
        SparkExecutorConfig config = SparkExecutorConfig.of(settings(8, "spark://127.0.0.1:7077",
                Map.of("gpus_per_trial", "0.5")));

        assertThat(config.gpusPerTrial()).hasValue(0.5);
        assertThat(config.master().isLocal()).isFalse();
    }

    @Test
    void invalidGpuCountsAreRejected() {
        for (String value : new String[] {"0", "-1", "1.5", "two"}) {
            assertThatThrownBy(() -> SparkExecutorConfig.of(settings(null, "yarn",
                    Map.of("gpus_per_trial", value))))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gpus_per_trial=" + value);
        }
    }

    @Test
    void maxFailuresContradictingLocalMasterIsRejected() {
        assertThatThrownBy(() -> SparkExecutorConfig.of(settings(null, "local[2,3]",
                Map.of("max_failures", "5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_failures=5")
                .hasMessageContaining("local[2,5]");
    }

    @Test
    void maxFailuresOnClusterSetsTaskMaxFailures() {
        SparkExecutorConfig config = SparkExecutorConfig.of(settings(null, "yarn",
                Map.of("max_failures", "6", "spark.executor.memory", "4g")));

        assertThat(config.sparkProperties()).containsEntry("spark.task.maxFailures", "6")
                .containsEntry("spark.executor.memory", "4g");
    }

    @Test
    void invalidMaxFailuresIsRejected() {
        assertThatThrownBy(() -> SparkExecutorConfig.of(settings(null, null,
                Map.of("max_failures", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_failures=0");
    }

    @Test
    void confBindsLoopbackWithoutUi() {
        SparkConf conf = SparkConfs.build(SparkExecutorConfig.of(settings(null, null,
                Map.of("spark.executor.extraJavaOptions", "-Xss4m"))), "test");

        assertThat(conf.get("spark.master")).isEqualTo("local[2,3]");
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.eventLog.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.executor.extraJavaOptions"))
                .isEqualTo("-Xss4m -Dai.djl.offline=true -DOPT_OUT_TRACKING=true");
    }

    @Test
    void sparkPropertiesOverrideDriverHost() {
        SparkConf conf = SparkConfs.build(SparkExecutorConfig.of(settings(4,
                "spark://cluster.example:7077", Map.of("spark.driver.host", "driver.example"))),
                "test");

        assertThat(conf.get("spark.driver.host")).isEqualTo("driver.example");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    }
}
