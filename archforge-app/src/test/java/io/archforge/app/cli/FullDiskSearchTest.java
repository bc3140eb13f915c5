package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.app.Main;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search on a real full disk: the store lies on a 3 MB tmpfs mounted in a private
 * mount namespace ({@code unshare -m}), which needs root. The search must stop with one
 * line naming the store and the fix, a non-zero status and no stack trace, and the
 * store, copied out before the namespace ends, must open with every trial intact and
 * resume. Skipped where the mount is not permitted.
 */
class FullDiskSearchTest {

    /** Runs the command after the mount, then copies the store out of the tmpfs. */
    private static final String SCRIPT = "mnt=$1; copy=$2; shift 2; "
            + "mount -t tmpfs -o size=3m tmpfs \"$mnt\" || exit 97; "
            + "\"$@\"; status=$?; cp \"$mnt\"/s.db* \"$copy\"/; exit $status";
    /** Fills a 1 MB tmpfs with a file first, then runs the command. */
    private static final String FILLED_SCRIPT = "mnt=$1; shift; "
            + "mount -t tmpfs -o size=1m tmpfs \"$mnt\" || exit 97; "
            + "head -c 1048576 /dev/zero > \"$mnt\"/filler 2>/dev/null; \"$@\"";
    private static final String STUDY = "full";

    @TempDir
    Path dir;

    @Test
    void fullDiskStopsSearchCleanly() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        Path copy = Files.createDirectory(dir.resolve("copy"));
        assumeTrue(canMountTmpfs(mount), "mounting a tmpfs in a private mount namespace is "
                + "not permitted here (needs root and unshare)");
        String store = mount.resolve("s.db").toString();

        Process search = start(List.of("unshare", "-m", "sh", "-c", SCRIPT, "sh",
                mount.toString(), copy.toString()), archforge("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--trials", "100000", "--study", STUDY,
                "--storage", store));

        assertThat(search.waitFor(50, TimeUnit.SECONDS)).as("search ended").isTrue();
        String err = Files.readString(dir.resolve("search.err"));
        assertThat(search.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.lines().filter(line -> line.startsWith("archforge:")))
                .singleElement().asString()
                .startsWith("archforge: failed: the disk holding " + store + " is full (")
                .endsWith("): free space, then resume with the same command");
        assertThat(err).doesNotContain("\tat ", "Exception");

        // Every trial written before the disk filled is intact, numbered without gaps.
        Path copied = copy.resolve("s.db");
        List<FrozenTrial> trials = trials(copied);
        assertThat(trials.size()).isGreaterThan(10);
        assertThat(trials).extracting(FrozenTrial::number)
                .isEqualTo(IntStream.range(0, trials.size()).boxed().toList());
        List<FrozenTrial> unfinished = trials.stream()
                .filter(t -> t.state() != TrialState.COMPLETE).toList();
        assertThat(unfinished).allMatch(t -> t.state() == TrialState.RUNNING
                && t.number() == trials.size() - 1);
        assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE)
                .allSatisfy(t -> assertThat(t.metrics()).containsKey("test_accuracy"));

        // With space again, the same command resumes the copy and evaluates a cut trial again.
        int budget = trials.size() + 3;
        Process resume = start(List.of(), archforge("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--trials", Integer.toString(budget), "--study", STUDY,
                "--storage", copied.toString()));
        assertThat(resume.waitFor(50, TimeUnit.SECONDS)).as("resume ended").isTrue();
        assertThat(resume.exitValue()).as(Files.readString(dir.resolve("search.err"))).isZero();
        List<FrozenTrial> resumed = trials(copied);
        assertThat(resumed).filteredOn(t -> t.state().isFinished()).hasSize(budget);
        for (FrozenTrial cut : unfinished) {
            assertThat(resumed.get(cut.number()).state()).isEqualTo(TrialState.STALE);
            assertThat(resumed).anySatisfy(t -> assertThat(t.attributes())
                    .containsEntry(Study.RETRY_OF_ATTRIBUTE, Integer.toString(cut.number())));
        }
    }

    @Test
    void fullDiskBeforeFirstWriteFailsCleanly() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        assumeTrue(canMountTmpfs(mount), "mounting a tmpfs in a private mount namespace is "
                + "not permitted here (needs root and unshare)");
        String store = mount.resolve("s.db").toString();

        Process search = start(List.of("unshare", "-m", "sh", "-c", FILLED_SCRIPT, "sh",
                mount.toString()), archforge("search", "--benchmark", "nb201", "--dataset",
                "cifar10", "--trials", "5", "--study", STUDY, "--storage", store));

        assertThat(search.waitFor(50, TimeUnit.SECONDS)).as("search ended").isTrue();
        String err = Files.readString(dir.resolve("search.err"));
        assertThat(search.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.lines().filter(line -> line.startsWith("archforge:")))
                .singleElement().asString()
                .startsWith("archforge: failed: the disk holding " + store + " is full (")
                .endsWith("free space, then resume with the same command");
        assertThat(err).doesNotContain("\tat ", "Exception", "--storage value");
    }

    private static List<FrozenTrial> trials(Path store) {
        try (Storage storage = Storages.open(store.toString())) {
            return storage.trials(STUDY);
        }
    }

    /** Returns the command that runs {@code archforge ARGS...} in a new JVM. */
    private static List<String> archforge(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> wrapper, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(wrapper);
        full.addAll(command);
        return new ProcessBuilder(full)
                .redirectOutput(dir.resolve("search.out").toFile())
                .redirectError(dir.resolve("search.err").toFile())
                .start();
    }

    /** Returns whether a tmpfs can be mounted on {@code target} in a private namespace. */
    private static boolean canMountTmpfs(Path target) throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs -o size=1m tmpfs \"$1\"", "sh", target.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
