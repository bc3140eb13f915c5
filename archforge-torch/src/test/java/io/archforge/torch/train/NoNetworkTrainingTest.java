package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.netns.IsolatedTests;
import io.archforge.netns.NetworkNamespace;
import io.archforge.netns.NetworkNamespace.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the test classes that start DJL's PyTorch engine and train real networks in a
 * child JVM inside a network namespace of its own ({@code unshare -n}) with only the
 * loopback interface up: every connection to another machine fails there, so the
 * classes pass only if training needs no network. Skipped where {@code unshare -n} is
 * not permitted (not root, or no user namespaces) or {@code ip} is missing.
 */
class NoNetworkTrainingTest {

    /** The classes that create engines and NDManagers and train, by name: most are not public. */
    static final List<String> TRAINING_CLASSES = List.of(
            "io.archforge.torch.train.TrainerTest",
            "io.archforge.torch.train.TrainingEvaluatorTest",
            "io.archforge.torch.train.RecipeTrainingTest",
            "io.archforge.torch.supernet.SupernetTrainerTest",
            "io.archforge.torch.graph.GnnTrainerTest",
            "io.archforge.torch.text.CharModelTrainerTest",
            "io.archforge.torch.forecast.ForecastTrainerTest",
            "io.archforge.torch.darts.DartsSearchTest");

    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireNamespaces() throws Exception {
        Result probe = NetworkNamespace.run(List.of("cat", "/proc/net/dev"), dir, 30);
        assumeTrue(probe.exitCode() == 0, "unshare -n with 'ip link set lo up' is not"
                + " permitted here (needs root or user namespaces, and iproute2): "
                + probe.output());
    }

    @Test
    void namespaceHasOnlyLoopback() throws Exception {
        Result interfaces = NetworkNamespace.run(List.of("cat", "/proc/net/dev"), dir, 30);
        Result routes = NetworkNamespace.run(List.of("cat", "/proc/net/route"), dir, 30);

        assertThat(interfaces.interfaces()).containsExactly("lo");
        assertThat(routes.output().lines().skip(1).toList()).as("IPv4 routes").isEmpty();
    }

    @Test
    void trainingTestsPassWithoutNetwork() throws Exception {
        for (String name : TRAINING_CLASSES) {
            assertThat(Class.forName(name)).as(name).isNotNull();
        }
        List<String> command = NetworkNamespace.java(IsolatedTests.class.getName());
        command.addAll(TRAINING_CLASSES);

        Result result = NetworkNamespace.run(command, dir, TIMEOUT_SECONDS);

        assertThat(result.failedTests()).as(result.output()).hasValue(0);
        assertThat(result.succeededTests().orElse(0)).as("succeeded").isGreaterThanOrEqualTo(20);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
