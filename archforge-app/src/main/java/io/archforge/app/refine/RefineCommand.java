package io.archforge.app.refine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.app.cli.ExitCodes;
import io.archforge.app.cli.OutputOptions;
import io.archforge.app.cli.UsageException;
import io.archforge.app.output.Json;
import io.archforge.app.setup.StorageLocation;
import io.archforge.app.setup.StudySpaces;
import io.archforge.refine.RefinerSettings;
import io.archforge.refine.Refinement;
import io.archforge.refine.SpaceRefiner;
import io.archforge.refine.TooFewTrialsException;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.storage.StudySummary;
import io.archforge.study.StudyConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archforge refine STUDY}: narrows a study's space to the values its trials do not
 * show to be poor (see {@link SpaceRefiner}), prints every decision with its evidence,
 * and stores the refinement with the study as {@value RefinementAttributes#REFINEMENT},
 * where {@code search --space-from STUDY} finds it.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = {
            "Narrow a study's search space to the values its trials do not show to be poor, "
                + "and store the refined space with the study for 'search --space-from'.",
            "",
            "Each value of each choice is tested for being rarer in the top group than chance "
                + "(one-sided hypergeometric test, Holm-adjusted over all values); values of "
                + "the best trial are always kept, and real-valued choices are left whole.",
            ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:failure other than bad input, such as a failed language-model step; the "
                + "refinement is stored and printed before it",
            "2:bad input, such as an unknown study, too few trials or a confidence outside "
                + "(0, 1)"})
public final class RefineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to refine.")
    String study;

    @Option(names = "--confidence", paramLabel = "C", required = true,
            description = "Confidence in (0, 1) that a removed value is rarer in the top group "
                    + "than chance, such as 0.95: the Holm-adjusted p-value must be below 1 - C.")
    double confidence;

    @Option(names = "--top-fraction", paramLabel = "Q",
            defaultValue = "" + RefinerSettings.DEFAULT_TOP_FRACTION,
            description = "Share of the complete trials, best first, that forms the top group, "
                    + "in (0, 1) (default: ${DEFAULT-VALUE}).")
    double topFraction;

    @Option(names = "--min-trials", paramLabel = "N",
            defaultValue = "" + RefinerSettings.DEFAULT_MIN_TRIALS,
            description = "Minimum number of complete trials to refine from, at least 2 "
                    + "(default: ${DEFAULT-VALUE}).")
    int minTrials;

    @Option(names = "--storage", paramLabel = "URL",
            description = "Study store: PATH or sqlite:PATH (SQLite), or postgresql://... "
                    + "(default: ~/.archforge/studies.db).")
    String storage;

    @Option(names = "--llm-endpoint", paramLabel = "URL",
            description = "Also ask an OpenAI-compatible chat endpoint, such as "
                    + "http://127.0.0.1:8000/v1, for design rules and proposed constraints "
                    + "(default: none; nothing is sent anywhere). The API key, if needed, is "
                    + "read from " + LanguageModelClient.API_KEY_VARIABLE + ".")
    String llmEndpoint;

    @Option(names = "--llm-model", paramLabel = "NAME",
            description = "Model name for --llm-endpoint; required with it.")
    String llmModel;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Limit in seconds on the language-model request "
                    + "(default: ${DEFAULT-VALUE}).")
    int llmTimeout;

    @Override
    public Integer call() {
        // Every check that needs no store comes first, so that bad input writes nothing.
        RefinerSettings settings = settings();
        Optional<LanguageModelClient> client = languageModel();
        StorageLocation location = StorageLocation.parse(storage);
        location.requireUsable();
        if (!location.exists()) {
            throw new UsageException("study '" + study + "' not found: store " + location
                    + " does not exist");
        }
        location.requireWritable();
        try (Storage store = location.open()) {
            Refinement refinement = refine(store, settings);
            String json = RefinementJson.write(refinement);
            store.setStudyAttribute(study, RefinementAttributes.REFINEMENT, json);
            return report(store, location, refinement, client);
        }
    }

    private RefinerSettings settings() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new UsageException("invalid --confidence " + confidence + ": it must lie "
                    + "strictly between 0 and 1, such as 0.95");
        }
        if (!(topFraction > 0 && topFraction < 1)) {
            throw new UsageException("invalid --top-fraction " + topFraction + ": it must lie "
                    + "strictly between 0 and 1, such as 0.2");
        }
        if (minTrials < 2) {
            throw new UsageException("invalid --min-trials " + minTrials + ": a refinement "
                    + "compares trials, so it needs at least 2");
        }
        return new RefinerSettings(confidence, topFraction, minTrials);
    }

    private Optional<LanguageModelClient> languageModel() {
        if (llmEndpoint == null) {
            if (llmModel != null) {
                throw new UsageException("--llm-model needs --llm-endpoint; give the endpoint "
                        + "or drop --llm-model");
            }
            return Optional.empty();
        }
        if (llmModel == null || llmModel.isBlank()) {
            throw new UsageException("--llm-endpoint needs --llm-model NAME, the model the "
                    + "endpoint serves");
        }
        if (llmTimeout < 1) {
            throw new UsageException("invalid --llm-timeout " + llmTimeout
                    + ": give 1 or more seconds");
        }
        URI endpoint;
        try {
            endpoint = LanguageModelClient.endpoint(llmEndpoint);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --llm-endpoint: " + e.getMessage());
        }
        return Optional.of(new LanguageModelClient(endpoint, llmModel.strip(),
                Optional.ofNullable(System.getenv(LanguageModelClient.API_KEY_VARIABLE)),
                Duration.ofSeconds(llmTimeout)));
    }

    private Refinement refine(Storage store, RefinerSettings settings) {
        StudyConfig config = store.loadStudy(study).orElseThrow(() -> notFound(store));
        SearchSpace space = StudySpaces.searched(config, store.studyAttributes(study));
        try {
            return new SpaceRefiner(settings).refine(study, space, config.objectives().get(0),
                    config.constraints(), store.trials(study));
        } catch (TooFewTrialsException e) {
            if (e.trials() == 0) {
                throw new UsageException(e.getMessage(), e);
            }
            throw new UsageException("study '" + study + "' has " + e.trials() + " complete "
                    + "trials with a value of " + config.objectives().get(0).metric()
                    + ", fewer than --min-trials " + e.minimum() + "; run more trials or "
                    + "lower --min-trials", e);
        }
    }

    private UsageException notFound(Storage store) {
        List<String> names = store.listStudies().stream()
                .map(StudySummary::config).map(StudyConfig::name).toList();
        return new UsageException("study '" + study + "' not found in " + store.location()
                + " (studies there: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + ")");
    }

    /** Prints the refinement, then runs the optional language-model step. */
    private int report(Storage store, StorageLocation location, Refinement refinement,
            Optional<LanguageModelClient> client) {
        PrintWriter out = spec.commandLine().getOut();
        if (!output.json()) {
            out.print(RefinementText.render(refinement));
            out.println("Stored as study attribute '" + RefinementAttributes.REFINEMENT
                    + "' in " + location + "; search it with 'archforge search ... "
                    + "--space-from " + study + "'.");
            out.flush();
        }
        Optional<DesignRules> rules = Optional.empty();
        Optional<String> failure = Optional.empty();
        if (store.studyAttributes(study).containsKey(RefinementAttributes.LLM_RULES)) {
            // Rules stated for an earlier refinement no longer apply to this one.
            store.setStudyAttribute(study, RefinementAttributes.LLM_RULES, "");
        }
        if (client.isPresent()) {
            try {
                rules = Optional.of(client.get().designRules(refinement));
                ObjectNode stored = rules.get().toJson();
                stored.put("refinement_trials", refinement.trials());
                stored.put("refinement_confidence", refinement.confidence());
                store.setStudyAttribute(study, RefinementAttributes.LLM_RULES,
                        stored.toString());
            } catch (LanguageModelException e) {
                failure = Optional.of(e.getMessage());
            }
        }
        if (output.json()) {
            ObjectNode json = RefinementJson.toJson(refinement);
            json.put("storage", location.toString());
            json.put("stored_as", RefinementAttributes.REFINEMENT);
            rules.ifPresent(r -> json.set("llm", r.toJson()));
            out.println(Json.write(json));
        } else {
            rules.ifPresent(r -> out.print("\n" + r.toText()));
        }
        out.flush();
        if (failure.isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("archforge: failed: language-model step: " + failure.get()
                    + "; the refinement is stored as '" + RefinementAttributes.REFINEMENT
                    + "' all the same");
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
