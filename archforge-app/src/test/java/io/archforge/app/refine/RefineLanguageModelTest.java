package io.archforge.app.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.refine.Decision;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional language-model step of {@code archforge refine}, against a local stub. */
class RefineLanguageModelTest {

    @TempDir
    static Path dir;

    private static String store;
    private static String storedRefinement;

    @BeforeAll
    static void refineSource() {
        store = dir.resolve("studies.db").toString();
        Cli.Result search = Cli.run("search", "--dataset", "cifar10", "--strategy", "random",
                "--trials", "40", "--storage", store, "--study", "source");
        assertThat(search.exitCode()).as(search.err()).isZero();
        Cli.Result refine = Cli.run("refine", "source", "--confidence", "0.95", "--storage",
                store);
        assertThat(refine.exitCode()).as(refine.err()).isZero();
        storedRefinement = attributes().get(RefinementAttributes.REFINEMENT);
    }

    @Test
    void rulesParsedAndInvalidConstraintsDropped() throws IOException {
        Refinement refinement = RefinementJson.read(storedRefinement);
        String removable = firstValue(refinement, Decision.KEPT);
        String best = firstValue(refinement, Decision.KEPT_IN_BEST);
        String content = "```json\n{\"rules\": [\"Convolutions on the last edge pay off.\"],"
                + " \"constraints\": ["
                + "{\"choice\": \"2->3\", \"remove\": [\"" + removable + "\"], \"reason\": \"r\"},"
                + "{\"choice\": \"9->9\", \"remove\": [\"none\"]},"
                + "{\"choice\": \"0->1\", \"remove\": [\"conv_7x7\"]},"
                + "{\"choice\": \"" + bestChoice(refinement) + "\", \"remove\": [\"" + best
                + "\"]}]}\n```";
        try (ChatStub stub = new ChatStub().reply(content)) {
            Cli.Result result = refineWith(stub, "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode llm = Cli.parse(result.out()).get("llm");
            assertThat(llm.get("rules").get(0).asText())
                    .isEqualTo("Convolutions on the last edge pay off.");
            assertThat(llm.get("constraints").size()).isEqualTo(1);
            assertThat(llm.get("constraints").get(0).get("choice").asText()).isEqualTo("2->3");
            assertThat(llm.get("dropped").size()).isEqualTo(3);
            assertThat(llm.get("dropped").get(0).get("note").asText())
                    .contains("no choice '9->9'");
            assertThat(llm.get("dropped").get(1).get("note").asText())
                    .contains("'conv_7x7' is not a value");
            assertThat(llm.get("dropped").get(2).get("note").asText())
                    .contains("best architecture uses");
            JsonNode stored = Cli.parse(attributes().get(RefinementAttributes.LLM_RULES));
            assertThat(stored.get("constraints").size()).isEqualTo(1);
            assertThat(stored.get("refinement_trials").asInt()).isEqualTo(40);
            assertThat(stub.requests()).hasSize(1);
            assertThat(stub.requests().get(0).body()).contains("\"model\":\"stub-model\"")
                    .contains("avg_pool_3x3").contains("adjusted_p_value");
        }
    }

    @Test
    void textOutputPrintsRefinementThenRules() throws IOException {
        try (ChatStub stub = new ChatStub().reply("{\"rules\": [\"Avoid pooling.\"],"
                + " \"constraints\": []}")) {
            Cli.Result result = refineWith(stub);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Refined space:").contains("Avoid pooling.");
            assertThat(result.out().indexOf("Refined space:"))
                    .isLessThan(result.out().indexOf("Avoid pooling."));
        }
    }

    @Test
    void httpErrorFailsAndKeepsRefinement() throws IOException {
        try (ChatStub stub = new ChatStub().answer(500, "{\"error\": \"overloaded\"}")) {
            String rulesBefore = attributes().get(RefinementAttributes.LLM_RULES);

            Cli.Result result = refineWith(stub);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().lines().filter(l -> !l.isBlank())).singleElement()
                    .asString().contains("HTTP 500").contains("overloaded")
                    .contains("refinement is stored");
            assertThat(result.out()).contains("Refined space:");
            Map<String, String> after = attributes();
            assertThat(after.get(RefinementAttributes.REFINEMENT)).isEqualTo(storedRefinement);
            assertThat(after.get(RefinementAttributes.LLM_RULES)).isEqualTo(rulesBefore);
        }
    }

    @Test
    void badJsonFailsClearly() throws IOException {
        try (ChatStub stub = new ChatStub().reply("Here are some rules: avoid pooling.")) {
            String rulesBefore = attributes().get(RefinementAttributes.LLM_RULES);

            Cli.Result result = refineWith(stub, "--json");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("message content is not JSON");
            assertThat(Cli.parse(result.out()).has("llm")).isFalse();
            assertThat(attributes().get(RefinementAttributes.LLM_RULES)).isEqualTo(rulesBefore);
        }
    }

    @Test
    void unreachableEndpointFailsClearly() throws IOException {
        String url;
        try (ChatStub stub = new ChatStub()) {
            url = stub.url();
        }

        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--storage",
                store, "--llm-endpoint", url, "--llm-model", "stub-model");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unreachable").contains(url);
    }

    @Test
    void slowEndpointTimesOut() throws IOException {
        try (ChatStub stub = new ChatStub().reply("{}").delay(Duration.ofSeconds(3))) {
            Cli.Result result = refineWith(stub, "--llm-timeout", "1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("timed out after 1 s");
        }
    }

    @Test
    void apiKeyOnlyInHeader() throws IOException {
        Refinement refinement = RefinementJson.read(storedRefinement);
        try (ChatStub stub = new ChatStub().answer(401, "{\"error\": \"bad key\"}")) {
            LanguageModelClient client = new LanguageModelClient(
                    LanguageModelClient.endpoint(stub.url()), "m", Optional.of("sk-secret"),
                    Duration.ofSeconds(5));

            assertThatThrownBy(() -> client.designRules(refinement))
                    .isInstanceOf(LanguageModelException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining("sk-secret");
            assertThat(stub.requests().get(0).authorization()).isEqualTo("Bearer sk-secret");
            assertThat(stub.requests().get(0).body()).doesNotContain("sk-secret");
        }
    }

    @Test
    void endpointPathCompleted() {
        assertThat(LanguageModelClient.endpoint("http://127.0.0.1:8000").toString())
                .isEqualTo("http://127.0.0.1:8000/v1/chat/completions");
        assertThat(LanguageModelClient.endpoint("http://127.0.0.1:8000/v1/").toString())
                .isEqualTo("http://127.0.0.1:8000/v1/chat/completions");
        assertThat(LanguageModelClient.endpoint("https://h/api/v1/chat/completions").toString())
                .isEqualTo("https://h/api/v1/chat/completions");
        assertThatThrownBy(() -> LanguageModelClient.endpoint("ftp://h/v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    @Test
    void modelRequiredWithEndpoint() {
        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--storage",
                store, "--llm-endpoint", "http://127.0.0.1:9/v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--llm-endpoint needs --llm-model");
    }

    private static Cli.Result refineWith(ChatStub stub, String... extra) {
        String[] base = {"refine", "source", "--confidence", "0.95", "--storage", store,
            "--llm-endpoint", stub.url(), "--llm-model", "stub-model"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private static Map<String, String> attributes() {
        try (Storage storage = Storages.open(store)) {
            return storage.studyAttributes("source");
        }
    }

    /**
     * Returns the first value with {@code decision}: of any choice for
     * {@code KEPT_IN_BEST}, of choice 2->3 otherwise.
     */
    private static String firstValue(Refinement refinement, Decision decision) {
        if (decision == Decision.KEPT_IN_BEST) {
            return refinement.choices().stream().flatMap(c -> c.values().stream())
                    .filter(v -> v.decision() == decision).findFirst().orElseThrow().value();
        }
        return refinement.choices().get(5).values().stream()
                .filter(v -> v.decision() == decision).map(ValueEvidence::value)
                .findFirst().orElseThrow();
    }

    private static String bestChoice(Refinement refinement) {
        return refinement.choices().stream()
                .filter(c -> c.values().stream().anyMatch(v -> v.decision() == Decision.KEPT_IN_BEST))
                .findFirst().orElseThrow().choice();
    }
}
