package io.archforge.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceBlocksTest {

    private static final TrialProvenance HERE = new TrialProvenance("1.0.0", "c1",
            "{\"a.csv\":\"d1\"}", "{\"host\":\"here\",\"cores\":2}");
    private static final TrialProvenance THERE = new TrialProvenance("1.0.0", "c1",
            "{\"a.csv\":\"d1\"}", "{\"host\":\"there\",\"cores\":8}");

    @Test
    void blocksFollowFirstTrials() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int number = 0; number < 9; number++) {
            Map<String, String> attributes = number == 3 ? Map.of()
                    : (number == 4 || number == 6) ? THERE.attributes() : HERE.attributes();
            trials.add(trial(number, attributes));
        }

        ProvenanceBlocks blocks = ProvenanceBlocks.of(trials);

        assertThat(blocks.blocks()).hasSize(3);
        assertThat(blocks.blocks().get(0).provenance()).contains(HERE);
        assertThat(blocks.blocks().get(0).ranges()).isEqualTo("0-2, 5, 7-8");
        assertThat(blocks.blocks().get(1).provenance()).isEmpty();
        assertThat(blocks.blocks().get(1).ranges()).isEqualTo("3");
        assertThat(blocks.blocks().get(2).provenance()).contains(THERE);
        assertThat(blocks.blocks().get(2).ranges()).isEqualTo("4, 6");
    }

    @Test
    void textShowsEveryValueOnce() {
        List<FrozenTrial> trials = List.of(trial(0, HERE.attributes()),
                trial(1, HERE.attributes()), trial(2, Map.of("strategy", "random")));

        String text = ProvenanceBlocks.of(trials).toText();

        assertThat(text).isEqualTo("""
                Provenance of trials 0-1:
                  archforge_version: 1.0.0
                  config_sha256: c1
                  data_sha256: {"a.csv":"d1"}
                  machine: {"host":"here","cores":2}
                No provenance stored for trials 2
                """);
    }

    @Test
    void jsonNestsObjectsAndKeepsOtherText() {
        Map<String, String> partial = Map.of(TrialProvenance.VERSION, "0.9",
                TrialProvenance.MACHINE, "not json");

        List<Map<String, Object>> json = ProvenanceBlocks.of(List.of(trial(0, HERE.attributes()),
                trial(1, partial))).toJson();

        assertThat(json).hasSize(2);
        assertThat(json.get(0)).containsEntry("trials", "0").containsEntry("trial_count", 1)
                .containsEntry(TrialProvenance.DATA_SHA256, Map.of("a.csv", "d1"))
                .containsEntry(TrialProvenance.MACHINE, Map.of("host", "here", "cores", 2));
        assertThat(json.get(1)).containsEntry(TrialProvenance.VERSION, "0.9")
                .containsEntry(TrialProvenance.CONFIG_SHA256, "")
                .containsEntry(TrialProvenance.MACHINE, "not json");
    }

    private static FrozenTrial trial(int number, Map<String, String> attributes) {
        return new FrozenTrial(number, TrialState.COMPLETE, "a", number, Map.of("x", 1.0),
                List.of(), attributes, Instant.EPOCH, Optional.of(Instant.EPOCH),
                Optional.empty());
    }
}
