package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.setup.PredictorCatalog;
import io.archforge.predictor.EnsemblePredictor;
import io.archforge.predictor.Predictors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predictor option of the model-based strategies of search. */
class SearchPredictorTest {

    @TempDir
    Path dir;

    @Test
    void catalogPredictorIsStoredAndResumed() {
        // The ensemble exists only in the catalog, so a search that ran without the
        // catalog's factory would stop at its first model-based proposal.
        String storage = dir.resolve("p.db").toString();
        Cli.Result first = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy", "npenas", "--strategy-option",
                "predictor=" + EnsemblePredictor.NAME, "--strategy-option", "initial_random=3",
                "--trials", "5", "--storage", storage, "--study", "p", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("completed_trials").asInt()).isEqualTo(5);
        JsonNode config = Cli.run("study", "show", "p", "--storage", storage, "--json").json();
        assertThat(config.toString()).contains("\"predictor\":\"ensemble\"");

        Cli.Result resumed = Cli.run("search", "--study", "p", "--storage", storage,
                "--trials", "7", "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("completed_trials").asInt()).isEqualTo(7);
    }

    @Test
    void predictorReadsTheGivenEncoding() {
        String storage = dir.resolve("e.db").toString();

        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy", "bananas", "--strategy-option", "predictor=" + Predictors.GP,
                "--strategy-option", "encoding=adjacency", "--trials", "8", "--storage",
                storage, "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(8);
    }

    @Test
    void unknownPredictorListsValidOnes() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy", "gp-bo", "--strategy-option", "predictor=svm", "--storage",
                dir.resolve("u.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("unknown predictor 'svm'")
                .contains("valid predictors are " + String.join(", ", PredictorCatalog.names()));
        assertThat(dir.resolve("u.db")).doesNotExist();
    }

    @Test
    void predictorWithProxySurrogateRejected() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy", "bananas", "--strategy-option", "predictor=" + Predictors.GP,
                "--proxy", "params", "--proxy-use", "surrogate", "--storage",
                dir.resolve("x.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("--proxy-use surrogate").contains("predictor=gp");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }
}
