package io.archforge.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The crash harness plans its studies and kills so that every mode and strategy is covered. */
class CrashSettingsTest {

    @Test
    void twoStudiesCoverEveryModeTwice() {
        CrashSettings settings = settings(List.of("evolution", "local-search"), 30, 3);
        Map<KillMode, Integer> counts = new EnumMap<>(KillMode.class);
        for (int index = 0; index < 2; index++) {
            CrashHarness.modes(index, settings.delayed(index), 3)
                    .forEach(mode -> counts.merge(mode, 1, Integer::sum));
        }

        assertThat(counts).containsEntry(KillMode.TRIAL, 2).containsEntry(KillMode.WRITE, 2)
                .containsEntry(KillMode.RESUME, 2);
    }

    @Test
    void laterStudiesBeginWithStartupKill() {
        assertThat(CrashHarness.modes(0, true, 3))
                .containsExactly(KillMode.TRIAL, KillMode.RESUME, KillMode.TRIAL);
        assertThat(CrashHarness.modes(2, true, 3))
                .containsExactly(KillMode.RESUME, KillMode.TRIAL, KillMode.RESUME);
        assertThat(CrashHarness.modes(3, false, 2))
                .containsExactly(KillMode.RESUME, KillMode.WRITE);
    }

    @Test
    void everyStrategyRunsWithAndWithoutDelay() {
        for (List<String> strategies : List.of(List.of("evolution"),
                List.of("evolution", "random"), List.of("evolution", "random", "reinforce",
                        "local-search", "bananas"))) {
            CrashSettings settings = settings(strategies, 60, 6);
            List<String> delayed = new ArrayList<>();
            List<String> undelayed = new ArrayList<>();
            for (int index = 0; index < 4 * strategies.size(); index++) {
                (settings.delayed(index) ? delayed : undelayed).add(settings.strategy(index));
            }

            assertThat(delayed).as("delayed, with %s", strategies)
                    .containsAll(strategies);
            assertThat(undelayed).as("undelayed, with %s", strategies)
                    .containsAll(strategies);
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> settings(List.of("annealing"), 60, 6))
                .hasMessageContaining("unknown strategy 'annealing'");
        assertThatThrownBy(() -> settings(List.of("evolution"), 20, 6))
                .hasMessageContaining("invalid trial count 20")
                .hasMessageContaining("at least 30");
        assertThatThrownBy(() -> new CrashSettings(new CrashStore.SqliteFiles(Path.of("s")),
                List.of("random"), 60, 0, 0, 6, 200, true, Path.of("logs"),
                Duration.ofMinutes(1))).hasMessageContaining("invalid kill count 0");
    }

    private static CrashSettings settings(List<String> strategies, int trials,
            int killsPerStudy) {
        return new CrashSettings(new CrashStore.SqliteFiles(Path.of("stores")), strategies,
                trials, 0, 12, killsPerStudy, 200, true, Path.of("logs"), Duration.ofMinutes(1));
    }
}
