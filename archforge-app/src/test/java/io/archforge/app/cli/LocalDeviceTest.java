package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.setup.DatasetSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --device local} and the table device names on the command line. */
class LocalDeviceTest {

    private static final String CELL = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
            + "+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,s2.residual=off,"
            + "s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,s3.residual=off";

    @TempDir
    Path dir;

    @Test
    void localDeviceMeasuresNb201Latency() {
        Cli.Result result = Cli.run("evaluate", CELL, "--benchmark", "nb201", "--dataset",
                "imagenet16-120", "--device", "local", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("metrics").get("latency_ms").asDouble()).isPositive();
        assertThat(json.get("metrics").get("memory_mb").asDouble()).isPositive();
        assertThat(json.get("metrics").get("energy_mj").asDouble()).isPositive();
        assertThat(json.get("attributes").get("latency_runs").asText()).isEqualTo("50");
        assertThat(json.get("attributes").get("energy_model").asText())
                .startsWith("model-based estimate");
    }

    @Test
    void tableDevicesByColumnName() {
        for (String device : new String[] {"raspi4", "titan_rtx_1", "2080ti_1"}) {
            Cli.Result result = Cli.run("evaluate", CELL, "--dataset", "cifar10", "--device",
                    device, "--json");

            assertThat(result.exitCode()).as(device + ": " + result.err()).isZero();
            assertThat(result.json().get("metrics").get("latency_ms").asDouble()).as(device)
                    .isPositive();
        }
    }

    @Test
    void unknownDeviceListsLocalAndTableNames() {
        Cli.Result result = Cli.run("evaluate", CELL, "--dataset", "cifar10", "--device",
                "raspi5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("'raspi5'")
                .contains("local").contains("raspi4").contains("titan_rtx_1");
    }

    @Test
    void trainingAcceptsOnlyLocal() {
        DatasetSpec local = DatasetSpec.parse(null, "fashion-mnist", null, "local");
        Cli.Result table = Cli.run("evaluate", SMALL, "--dataset", "fashion-mnist",
                "--device", "pixel3");

        assertThat(local).isInstanceOf(DatasetSpec.Training.class);
        assertThat(local.evaluatorOptions()).doesNotContainKey("device");
        assertThat(table.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(table.errLines()).singleElement().asString().contains("pixel3")
                .contains("--device local");
    }

    @Test
    void searchWithLocalDeviceResumes() {
        Path store = dir.resolve("s.db");
        String[] search = {"search", "--dataset", "imagenet16-120", "--device", "local",
            "--trials", "3", "--storage", store.toString(), "--study", "l", "--json"};

        Cli.Result first = Cli.run(search);
        Cli.Result again = Cli.run(search);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("best").get("metrics").get("latency_ms").asDouble())
                .isPositive();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.json().get("completed_trials").asInt()).isEqualTo(3);
    }
}
