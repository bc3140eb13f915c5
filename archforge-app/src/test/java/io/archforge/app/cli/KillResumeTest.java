package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Seeds;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search killed with SIGKILL resumes with the same command: earlier trials stay as they
 * were, numbering continues, and trials left RUNNING become STALE and are evaluated again.
 */
class KillResumeTest {

    private static final String STUDY = "k";
    private static final int KILL_ATTEMPTS = 5;

    @TempDir
    Path dir;

    @Test
    void killedSearchResumes() throws Exception {
        Path store = dir.resolve("s.db");
        List<FrozenTrial> before = killUntilRunningLeft(store);
        int finished = (int) before.stream().filter(t -> t.state().isFinished()).count();
        int target = finished + 20;

        Process resumed = Subprocess.start(dir, "resume", command(store, target));
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(Subprocess.output(dir, "resume", "err")).isZero();

        List<FrozenTrial> after = Subprocess.trials(store, STUDY);
        assertEarlierTrialsUnchanged(before, after);
        assertNumberingContinues(before, after);
        assertStaleTrialsRetried(before, after);
        assertNoArchitectureTwice(after);
        assertThat(after.stream().filter(t -> t.state().isFinished())).hasSize(target);
        JsonNode json = Cli.parse(Subprocess.output(dir, "resume", "out"));
        assertThat(json.get("completed_trials").asInt()).isEqualTo(target);
    }

    /**
     * Kills the search with SIGKILL until a kill leaves a trial RUNNING. A look-up takes
     * microseconds, so a kill rarely lands inside one. After a few tries the test creates
     * one RUNNING trial directly, which is what a killed process leaves behind.
     */
    private List<FrozenTrial> killUntilRunningLeft(Path store) throws Exception {
        for (int attempt = 0; attempt < KILL_ATTEMPTS; attempt++) {
            int completed = (int) Subprocess.trials(store, STUDY).stream()
                    .filter(t -> t.state() == TrialState.COMPLETE).count();
            Process process = Subprocess.start(dir, "run" + attempt, command(store, 3000));
            Subprocess.awaitCompleted(store, STUDY, completed
                    + 15, process, Duration.ofSeconds(90));
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<FrozenTrial> trials = Subprocess.trials(store, STUDY);
            if (trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING)) {
                System.out.println("Kill " + attempt + " left a trial RUNNING");
                return trials;
            }
        }
        System.out.println("No kill left a trial RUNNING; creating one");
        leaveRunningTrial(store);
        return Subprocess.trials(store, STUDY);
    }

    private static void leaveRunningTrial(Path store) {
        try (Storage storage = Storages.open(store.toString())) {
            Set<String> seen = new HashSet<>();
            SearchSpace space = CellSpace.nb201();
            for (FrozenTrial trial : storage.trials(STUDY)) {
                seen.add(space.parse(trial.architecture()).isomorphismKey());
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);
            String architecture;
            do {
                architecture = space.sample(random).text();
            } while (seen.contains(space.parse(architecture).isomorphismKey()));
            long seed = storage.loadStudy(STUDY).orElseThrow().seed();
            int number = storage.trials(STUDY).size();
            storage.createTrial(STUDY, architecture, Seeds.trialSeed(seed, number),
                    Map.of("strategy", "evolution"));
        }
    }

    private static List<String> command(Path store, int trials) {
        return List.of("search", "--benchmark", "nb201", "--dataset", "cifar10", "--trials",
                Integer.toString(trials), "--storage", store.toString(), "--study", STUDY,
                "--json");
    }

    private static void assertEarlierTrialsUnchanged(List<FrozenTrial> before,
            List<FrozenTrial> after) {
        for (FrozenTrial earlier : before) {
            FrozenTrial now = after.get(earlier.number());
            assertThat(now.number()).isEqualTo(earlier.number());
            assertThat(now.architecture()).isEqualTo(earlier.architecture());
            assertThat(now.seed()).isEqualTo(earlier.seed());
            if (earlier.state() == TrialState.COMPLETE) {
                assertThat(now).isEqualTo(earlier);
            }
        }
    }

    private static void assertNumberingContinues(List<FrozenTrial> before,
            List<FrozenTrial> after) {
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).number()).isEqualTo(i);
        }
        assertThat(after.size()).isGreaterThan(before.size());
    }

    private static void assertStaleTrialsRetried(List<FrozenTrial> before,
            List<FrozenTrial> after) {
        List<FrozenTrial> running = before.stream()
                .filter(t -> t.state() == TrialState.RUNNING)
                .toList();
        assertThat(running).isNotEmpty();
        SearchSpace space = CellSpace.nb201();
        for (FrozenTrial left : running) {
            assertThat(after.get(left.number()).state()).isEqualTo(TrialState.STALE);
            Optional<FrozenTrial> retry = after.stream()
                    .filter(t -> Integer.toString(left.number())
                            .equals(t.attributes().get("retry_of")))
                    .findFirst();
            assertThat(retry).as("retry of trial %d", left.number()).isPresent();
            assertThat(retry.get().number()).isGreaterThanOrEqualTo(before.size());
            assertThat(retry.get().state()).isEqualTo(TrialState.COMPLETE);
            assertThat(space.parse(retry.get().architecture()).isomorphismKey())
                    .isEqualTo(space.parse(left.architecture()).isomorphismKey());
        }
    }

    private static void assertNoArchitectureTwice(List<FrozenTrial> after) {
        SearchSpace space = CellSpace.nb201();
        Set<String> keys = new HashSet<>();
        for (FrozenTrial trial : after) {
            if (trial.state() == TrialState.COMPLETE) {
                assertThat(keys.add(space.parse(trial.architecture()).isomorphismKey()))
                        .as("trial %d repeats an architecture", trial.number()).isTrue();
            }
        }
    }
}
