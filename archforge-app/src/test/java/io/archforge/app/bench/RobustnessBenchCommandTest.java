package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.cli.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bench robustness} on a network trained for one epoch on 320 images. */
class RobustnessBenchCommandTest {

    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void tableCoversEveryAttackAndEpsilon() throws IOException {
        int status = run("robustness", "--architecture", SMALL, "--epochs", "1",
                "--train-images", "320", "--validation-images", "100", "--epsilons", "0,0.1",
                "--pgd-steps", "3", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        double clean = json.get("clean_accuracy").asDouble();
        JsonNode results = json.get("results");
        assertThat(results).hasSize(6);
        for (JsonNode cell : results) {
            String name = cell.get("attack").asText() + " at " + cell.get("epsilon").asText();
            double accuracy = cell.get("accuracy").asDouble();
            if (cell.get("epsilon").asDouble() == 0) {
                assertThat(accuracy).as(name).isEqualTo(clean);
            } else if (cell.get("attack").asText().equals("noise")) {
                // Random noise may also turn a wrong prediction into a right one.
                assertThat(accuracy).as(name).isBetween(0.0, 100.0);
            } else {
                assertThat(accuracy).as(name).isBetween(0.0, clean);
            }
        }
        assertThat(json.get("machine").asText()).contains("available processors");
    }

    @Test
    void unknownAttackIsRejected() {
        int status = run("robustness", "--attacks", "fgsm,cw");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown attack 'cw'");
    }

    @Test
    void epsilonAboveOneIsRejected() {
        int status = run("robustness", "--epsilons", "0.1,2");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid epsilon 2.0");
    }

    @Test
    void zeroPgdStepsNamesOption() {
        int status = run("robustness", "--pgd-steps", "0");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --pgd-steps 0")
                .doesNotContain("--epsilons");
    }
}
