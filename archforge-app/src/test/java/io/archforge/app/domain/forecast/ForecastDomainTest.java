package io.archforge.app.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.app.cli.ExitCodes;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.space.ForecastingSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches and evaluations of forecasting networks through the command line. */
class ForecastDomainTest {

    private static final String SMALL_MLP = "block=mlp,hidden=16,depth=1,normalization=revin,"
            + "lookback=full,recipe.learning_rate=0.01,recipe.weight_decay=1.0E-4,"
            + "recipe.batch_size=32,recipe.dropout=0.0";

    @TempDir
    Path dir;

    @Test
    void etth1SearchMinimisesMse() {
        Cli.Result result = Cli.run("search", "--space", "forecasting", "--dataset", "etth1",
                "--trials", "2", "--epochs", "1", "--storage", dir.resolve("s.db").toString(),
                "--study", "etth1", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(2);
        assertThat(json.get("objectives").get(0).asText()).isEqualTo("mse:min");
        JsonNode metrics = json.get("best").get("metrics");
        assertThat(metrics.get("mse").asDouble()).isPositive().isLessThan(1);
        assertThat(metrics.get("test_mase").asDouble()).isPositive();
        assertThat(metrics.get("params").asDouble()).isGreaterThan(100 / 1e6);
        assertThat(ForecastingSpace.create().parse(json.get("best").get("architecture")
                .asText()).space()).isEqualTo(ForecastingSpace.NAME);
    }

    @Test
    void csvFileEvaluatesWithDrop() throws IOException {
        Path file = writeSeries(dir.resolve("load.csv"), 400);

        Cli.Result result = Cli.run("evaluate", "--dataset", "csv:" + file, "--target", "load",
                "--missing", "drop", "--lookback", "24", "--horizon", "6", "--epochs", "2",
                "--json", SMALL_MLP);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("metrics").get("mse").asDouble()).isPositive().isLessThan(1);
        assertThat(json.get("attributes").get("lookback").asText()).isEqualTo("24");
        assertThat(json.get("data_source").asText()).isEqualTo(file.toString());
    }

    @Test
    void restoreRebuildsParsedSpec() {
        ForecastDomain domain = new ForecastDomain();
        DomainRequest request = new DomainRequest(Optional.empty(), "pm25", Optional.empty(),
                Optional.empty(), Map.of("--missing", "drop", "--horizon", "12"),
                Map.of("--epochs", 2));

        DatasetSpec.Domain parsed = domain.parse(request);

        assertThat(domain.restore(parsed.evaluatorOptions())).isEqualTo(parsed);
        assertThat(parsed.evaluatorOptions()).containsEntry("dataset", "pm25")
                .containsEntry("target", "pm2.5").containsEntry("missing", "drop")
                .containsEntry("lookback", "96").containsEntry("horizon", "12")
                .containsEntry("epochs", "2");
        assertThat(parsed.defaultSpace()).isEqualTo(ForecastingSpace.NAME);
    }

    @Test
    void claimsOnlyItsOwnNames() {
        ForecastDomain domain = new ForecastDomain();

        assertThat(domain.claims(request(Optional.empty(), "etth1"))).isTrue();
        assertThat(domain.claims(request(Optional.empty(), "csv:a.csv"))).isTrue();
        assertThat(domain.claims(request(Optional.of("nb201"), "etth1"))).isFalse();
        assertThat(domain.claims(request(Optional.empty(), "jargon"))).isFalse();
        assertThat(domain.claims(request(Optional.empty(), "cifar10"))).isFalse();
    }

    @Test
    void imageOptionIsRejected() {
        Cli.assertSearchRejected(dir.resolve("a.db"), "--train-images 500 does not apply to"
                + " --dataset etth1", List.of("--dataset", "etth1", "--train-images", "500"));
        Cli.assertSearchRejected(dir.resolve("b.db"), "searches the batch size and learning"
                + " rate", List.of("--dataset", "etth1", "--batch-size", "64"));
    }

    @Test
    void tooLongLookbackIsRejected() {
        Cli.assertSearchRejected(dir.resolve("c.db"), "676 training rows, fewer than lookback"
                + " 700 plus horizon 24", List.of("--dataset", "illness", "--lookback", "700"));
        Cli.assertSearchRejected(dir.resolve("d.db"), "fewer than horizon 500; use --horizon",
                List.of("--dataset", "illness", "--lookback", "12", "--horizon", "500"));
        Cli.assertSearchRejected(dir.resolve("e.db"), "invalid --horizon 0",
                List.of("--dataset", "etth1", "--horizon", "0"));
    }

    @Test
    void badCsvInputIsRejected() throws IOException {
        Path file = writeSeries(dir.resolve("series.csv"), 50);
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "date,load\n2020-01-01 00:00,1\n2020-01-01 01:00,high\n");

        Cli.assertSearchRejected(dir.resolve("f.db"), "needs --target COLUMN",
                List.of("--dataset", "csv:" + file));
        Cli.assertSearchRejected(dir.resolve("g.db"), "no column 'OT'; its columns are"
                + " [date, load]", List.of("--dataset", "csv:" + file, "--target", "OT"));
        Cli.assertSearchRejected(dir.resolve("h.db"), text + " line 3: target value 'high'",
                List.of("--dataset", "csv:" + text, "--target", "load"));
        Cli.assertSearchRejected(dir.resolve("i.db"), "invalid --missing 'zero'",
                List.of("--dataset", "etth1", "--missing", "zero"));
    }

    @Test
    void otherSpaceIsRejected() {
        Cli.Result result = Cli.run("search", "--dataset", "etth1", "--space", "nb201",
                "--trials", "1", "--storage", dir.resolve("j.db").toString(), "--study", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--space nb201 does not fit --dataset etth1");
    }

    /** Writes an hourly sine series of {@code rows} rows with every 10th value empty. */
    private static Path writeSeries(Path file, int rows) throws IOException {
        StringBuilder text = new StringBuilder("date,load\n");
        for (int row = 0; row < rows; row++) {
            String value = row % 10 == 5 ? "" : Double.toString(Math.sin(row / 4.0) + row
                    / 100.0);
            text.append(String.format("2020-01-%02d %02d:00,%s%n", 1 + row / 24, row % 24,
                    value));
        }
        Files.writeString(file, text);
        return file;
    }

    private static DomainRequest request(Optional<String> benchmark, String dataset) {
        return new DomainRequest(benchmark, dataset, Optional.empty(), Optional.empty(),
                Map.of(), Map.of());
    }
}
