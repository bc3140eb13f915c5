package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.app.Main;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import io.archforge.netns.IsolatedTests;
import io.archforge.netns.NetworkNamespace;
import io.archforge.netns.NetworkNamespace.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job, a search that trains networks on the bundled Fashion-MNIST subset,
 * and the dashboard's command tests, which talk to dashboards on 127.0.0.1, inside a
 * network namespace of their own ({@code unshare -n}) with only the loopback interface
 * up. Every connection to another machine fails there, so both pass only if they need no
 * network. Skipped where {@code unshare -n} is not permitted (not root, or no user
 * namespaces) or {@code ip} is missing.
 */
class NoNetworkSearchTest {

    private static final long TIMEOUT_SECONDS = 240;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireNamespaces() throws Exception {
        Result probe = NetworkNamespace.run(List.of("cat", "/proc/net/dev"), dir, 30);
        assumeTrue(probe.exitCode() == 0, "unshare -n with 'ip link set lo up' is not"
                + " permitted here (needs root or user namespaces, and iproute2): "
                + probe.output());
        assertThat(probe.interfaces()).as("interfaces in the namespace").containsExactly("lo");
    }

    @Test
    void searchTrainsWithoutNetwork() throws Exception {
        Path store = dir.resolve("offline.db");
        List<String> command = NetworkNamespace.java(Main.class.getName());
        command.addAll(List.of("search", "--dataset", "fashion-mnist", "--trials", "2",
                "--epochs", "1", "--batch-size", "32", "--train-images", "500",
                "--validation-images", "200", "--storage", store.toString(), "--study",
                "offline", "--json"));

        Result result = NetworkNamespace.run(command, dir, TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<FrozenTrial> trials = Subprocess.trials(store, "offline");
        assertThat(trials).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.metrics()).isNotEmpty();
        });
    }

    @Test
    void dashboardTestsPassWithoutNetwork() throws Exception {
        List<String> command = NetworkNamespace.java(IsolatedTests.class.getName());
        command.add("io.archforge.app.web.DashboardCommandTest");

        Result result = NetworkNamespace.run(command, dir, TIMEOUT_SECONDS);

        assertThat(result.failedTests()).as(result.output()).hasValue(0);
        assertThat(result.succeededTests().orElse(0)).as("succeeded").isGreaterThanOrEqualTo(5);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
