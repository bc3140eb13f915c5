package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.CommandLines;
import io.archforge.benchmarks.RegretRow;
import io.archforge.benchmarks.pruning.PruningRow;
import io.archforge.benchmarks.pruning.SkippedCandidate;
import io.archforge.strategy.Strategies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void nb201WritesCsvChartsAndSummary(@TempDir Path dir) throws IOException {
        int status = run("nb201", "--strategies", "random,evolution", "--datasets",
                "cifar10,imagenet16-120", "--seeds", "3", "--trials", "30", "--threads", "1",
                "--out", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("regret.csv"));
        assertThat(lines.get(0)).isEqualTo(RegretRow.CSV_HEADER);
        assertThat(lines).hasSize(1 + 2 * 2 * 3 * 30);
        for (String dataset : List.of("cifar10", "imagenet16-120")) {
            Path png = dir.resolve("regret-" + dataset + ".png");
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        }
        assertThat(dir.resolve("summary.md")).exists();
        assertThat(out.toString())
                .contains("| cifar10 | evolution | 3 |")
                .contains("regret at 25")
                .contains("Search overhead per trial");
    }

    @Test
    void strategiesWritesTrajectoriesAndTables(@TempDir Path dir) throws IOException {
        int status = run("strategies", "--benchmark", "nb201", "--dataset", "cifar10,cifar100",
                "--strategies", "random,evolution", "--seeds", "3", "--trials", "60",
                "--protocol", "valid12", "--threads", "2", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("regret.csv"));
        assertThat(lines.get(0)).isEqualTo(RegretRow.CSV_HEADER);
        assertThat(lines).hasSize(1 + 2 * 2 * 3 * 60);
        for (String dataset : List.of("cifar10", "cifar100")) {
            Path png = dir.resolve("regret-" + dataset + ".png");
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        }
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).contains("Protocol valid12")
                .contains("best cell by valid_accuracy_12ep")
                .contains("test acc. at 50 trials").contains("test acc. at 60 trials")
                .doesNotContain("at 100 trials")
                .contains("| mean (ms) |");
        assertThat(summary).contains("| cifar100 | random | "
                + trialsToOptimum(lines, "random", "cifar100", 60) + " |");
    }

    @Test
    void schedulersWritesCostTrajectoriesAndTables(@TempDir Path dir) throws IOException {
        int status = run("schedulers", "--dataset", "cifar100", "--methods",
                "evolution,hyperband,evolution/asha", "--seeds", "3", "--budget-epochs", "2000",
                "--threads", "2", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("cost.csv"));
        assertThat(lines.get(0)).startsWith("method,dataset,seed,trial,epochs");
        // Full-fidelity evolution spends 200 epochs a trial: 10 trials reach 2,000.
        assertThat(lines.stream().filter(l -> l.startsWith("evolution,"))).hasSize(3 * 10);
        assertThat(lines.stream().filter(l -> l.startsWith("hyperband,")))
                .anySatisfy(l -> assertThat(l.split(",")[4]).isEqualTo("12"));
        assertThat(ImageIO.read(dir.resolve("cost-cifar100.png").toFile()).getWidth()).isEqualTo(800);
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("| cifar100 | evolution/asha | 3 |").contains("at 2000 epochs");
    }

    @Test
    void schedulersRejectsUnknownMethodsAndTinyBudgets() {
        assertThat(run("schedulers", "--methods", "evolution/sha")).isEqualTo(2);
        assertThat(err.toString()).contains("'sha'").contains("hyperband");
        assertThat(run("schedulers", "--budget-epochs", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("100").contains("200");
    }

    @Test
    void strategiesRejectsTooManyTrialsAndUnknownProtocol() {
        assertThat(run("strategies", "--trials", "1001")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --trials 1001").contains("1000");
        err.getBuffer().setLength(0);
        assertThat(run("strategies", "--protocol", "valid200")).isEqualTo(2);
        assertThat(err.toString()).contains("valid200").contains("test|valid12");
        err.getBuffer().setLength(0);
        assertThat(run("strategies", "--strategies", "annealing")).isEqualTo(2);
        assertThat(err.toString()).contains("'annealing'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void strategiesHelpListsEveryStrategy() {
        assertThat(run("strategies", "--help")).isZero();
        String flat = out.toString().replaceAll("\\s+", " ");
        Strategies.names().forEach(name -> assertThat(flat).contains(name));
    }

    /**
     * Mean +- std trials to the first optimal cell, from the CSV's optimum_found column;
     * a seed without it counts as the run length.
     */
    private static String trialsToOptimum(List<String> lines, String strategy, String dataset,
            int runLength) {
        Map<String, Integer> first = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (!cells[0].equals(strategy) || !cells[1].equals(dataset)) {
                continue;
            }
            first.putIfAbsent(cells[2], runLength);
            if (Boolean.parseBoolean(cells[7])) {
                first.merge(cells[2], Integer.parseInt(cells[3]), Math::min);
            }
        }
        double[] values = first.values().stream().mapToDouble(Integer::doubleValue).toArray();
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return String.format(Locale.ROOT, "%.1f +- %.1f", mean,
                Math.sqrt(squares / (values.length - 1)));
    }

    @Test
    void unknownDatasetIsUsageError() {
        int status = run("nb201", "--datasets", "mnist", "--seeds", "1", "--trials", "1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("'mnist'").contains("cifar100");
    }

    @Test
    void zeroSeedsIsUsageError() {
        int status = run("nb201", "--seeds", "0");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --seeds 0").doesNotContain("--threads");
    }

    @Test
    void badCountNamesItsOption() {
        for (String option : List.of("--trials", "--threads")) {
            err.getBuffer().setLength(0);

            int status = run("nb201", option, "-1");

            assertThat(status).as(option).isEqualTo(2);
            assertThat(err.toString()).as(option).contains("invalid " + option + " -1")
                    .doesNotContain("check --strategies");
        }
    }

    @Test
    void unwritableOutFailsFirst() {
        int status = run("nb201", "--out", "/proc/nope", "--seeds", "1", "--trials", "5");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--out /proc/nope");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingSubcommandIsUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("nb201").contains("tables");
    }

    @Test
    void tablesPrintsLoadFigures() {
        assertThat(run("tables")).isZero();
        assertThat(out.toString()).contains("15625 cells").contains("6466 isomorphism classes")
                .contains("load time:").contains("heap retained:");
    }

    @Test
    void pruningWritesTrajectoriesSkipsAndSummary(@TempDir Path dir) throws IOException {
        int status = run("pruning", "--dataset", "cifar10", "--strategies", "evolution",
                "--seeds", "2", "--trials", "40", "--min-trials", "10", "--threads", "2",
                "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("pruning.csv"));
        assertThat(lines.get(0)).isEqualTo(PruningRow.CSV_HEADER);
        assertThat(lines).hasSize(1 + 2 * 2 * 40);
        List<String> skipped = Files.readAllLines(dir.resolve("skipped.csv"));
        assertThat(skipped.get(0)).isEqualTo(SkippedCandidate.CSV_HEADER);
        assertThat(ImageIO.read(dir.resolve("pruning-cifar10.png").toFile()).getWidth())
                .isEqualTo(800);
        assertThat(dir.resolve("summary.md")).exists();
        assertThat(out.toString())
                .contains("| evolution | cifar10 | pruned |")
                .contains("| evolution | cifar10 | unpruned |")
                .contains("evaluations to match")
                .contains("wrongly skipped");
    }

    @Test
    void pruningRejectsRiskOfOne(@TempDir Path dir) {
        int status = run("pruning", "--risk", "1", "--output", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --risk 1.0").contains("between 0 and 1");
    }

    private int run(String... args) {
        CommandLine line = CommandLines.create(new BenchCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
