package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input exits with status 2 and one stderr line that names the value,
 * and leaves the existing study and its store file as they were.
 */
class BadInputTest {

    private static final String STUDY = "k";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private Path store;

    @BeforeEach
    void createStudy() {
        store = dir.resolve("s.db");
        Cli.Result created = Cli.run("search", "--dataset", "cifar10", "--trials", "10",
                "--storage", store.toString(), "--study", STUDY);
        assertThat(created.exitCode()).isZero();
    }

    static Stream<Arguments> badSearches() throws IOException {
        Path corrupt = corruptIdxDirectory(shared.resolve("corrupt"));
        Path file = Files.writeString(shared.resolve("plain-file"), "not a directory");
        Path label200 = idxDirectory(shared.resolve("label-200"), new byte[] {0, 1, (byte) 200});
        Path labelGap = idxDirectory(shared.resolve("label-gap"), new byte[] {0, 2, 2});
        return Stream.of(
                Arguments.of("cifar42", List.of("--dataset", "cifar42")),
                Arguments.of("annealing", List.of("--dataset", "cifar10", "--strategy",
                "annealing")),
                Arguments.of("accuracy:best", List.of("--dataset", "cifar10", "--objective",
                "accuracy:best")),
                Arguments.of("flops_per_watt", List.of("--dataset", "cifar10", "--study", "k2",
                        "--objective", "flops_per_watt:max")),
                Arguments.of("toaster", List.of("--dataset", "cifar10", "--study", "k2",
                        "--device", "toaster")),
                Arguments.of("chain", List.of("--dataset", "cifar10", "--space", "chain")),
                Arguments.of("no-such-dir", List.of("--dataset", "fashion-mnist", "--data",
                        shared.resolve("no-such-dir").toString())),
                Arguments.of(corrupt.toString(), List.of("--dataset", "idx:" + corrupt)),
                Arguments.of("label 200 at index 2", List.of("--dataset", "fashion-mnist",
                        "--data", label200.toString())),
                Arguments.of("none of class 1", List.of("--dataset", "idx:" + labelGap)),
                Arguments.of("plain-file", List.of("--dataset", "cifar10", "--storage",
                        file.resolve("s.db").toString())),
                Arguments.of("-5", List.of("--dataset", "cifar10", "--trials", "-5")),
                Arguments.of("10y", List.of("--dataset", "cifar10", "--time-limit", "10y")),
                Arguments.of("0m", List.of("--dataset", "cifar10", "--time-limit", "0m")),
                Arguments.of("random", List.of("--study", STUDY, "--strategy", "random")),
                Arguments.of("9", List.of("--study", STUDY, "--seed", "9")),
                Arguments.of("cifar100", List.of("--study", STUDY, "--dataset", "cifar100")),
                Arguments.of("abc", List.of("--dataset", "cifar10", "--trials", "abc")),
                Arguments.of("bogus_key", List.of("--dataset", "cifar10", "--strategy",
                        "random", "--strategy-option", "bogus_key=1")),
                Arguments.of("--population 0", List.of("--dataset", "cifar10",
                        "--strategy-option", "population=0")),
                Arguments.of("'nokey'", List.of("--dataset", "cifar10", "--strategy-option",
                        "nokey")),
                Arguments.of("sideways", List.of("--dataset", "cifar10", "--protocol",
                        "sideways")),
                Arguments.of("test_accuracy:max", List.of("--dataset", "cifar10",
                        "--protocol", "valid12", "--objective", "test_accuracy:max")),
                Arguments.of("--protocol valid12", List.of("--dataset", "fashion-mnist",
                        "--protocol", "valid12")),
                Arguments.of("valid12", List.of("--study", STUDY, "--protocol", "valid12")),
                Arguments.of("population=30", List.of("--study", STUDY, "--strategy-option",
                        "population=30")),
                Arguments.of("sha", List.of("--dataset", "cifar10", "--scheduler", "sha")),
                Arguments.of("1.5", List.of("--dataset", "cifar10", "--scheduler", "hyperband",
                        "--scheduler-option", "eta=1.5")),
                Arguments.of("--strategy evolution", List.of("--dataset", "cifar10",
                        "--scheduler", "bohb", "--strategy", "evolution")),
                Arguments.of("min_fidelity=50", List.of("--dataset", "cifar10", "--scheduler", "sh",
                        "--scheduler-option", "min_fidelity=50")),
                Arguments.of("eta=3", List.of("--dataset", "cifar10", "--scheduler-option",
                        "eta=3")),
                Arguments.of("-3", List.of("--dataset", "cifar10", "--budget-epochs", "-3")),
                Arguments.of("asha", List.of("--study", STUDY, "--scheduler", "asha")),
                Arguments.of("bogus_proxy", List.of("--dataset", "cifar10", "--proxy", "bogus_proxy")),
                Arguments.of("not evolution", List.of("--dataset", "cifar10", "--proxy", "flops",
                        "--proxy-use", "surrogate")),
                Arguments.of("--proxy synflow", List.of("--dataset", "fashion-mnist", "--proxy",
                        "synflow")),
                Arguments.of("--bogus", List.of("--dataset", "cifar10", "--bogus")));
    }

    @ParameterizedTest(name = "search {0}")
    @MethodSource("badSearches")
    void badSearchLeavesStoreUnchanged(String value, List<String> options) throws IOException {
        byte[] before = Files.readAllBytes(store);
        String trialsBefore = Cli.run("study", "show", STUDY, "--storage", store.toString(),
                "--json").out();
        List<String> args = new ArrayList<>(List.of("search"));
        args.addAll(options);
        if (!options.contains("--study")) {
            args.addAll(List.of("--study", STUDY));
        }
        if (!options.contains("--storage")) {
            args.addAll(List.of("--storage", store.toString()));
        }

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains(value)
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(Cli.run("study", "show", STUDY, "--storage", store.toString(), "--json").out())
                .isEqualTo(trialsBefore);
        assertThat(Cli.run("study", "list", "--storage", store.toString(), "--json").json()
                .get("studies").size()).isEqualTo(1);
    }

    /** The cases that are bad on their own, not only against the stored study. */
    static Stream<Arguments> badSearchesOnNewStore() throws IOException {
        return badSearches().filter(a -> !((List<?>) a.get()[1]).contains(STUDY));
    }

    @ParameterizedTest(name = "search {0} on a new store")
    @MethodSource("badSearchesOnNewStore")
    void badSearchCreatesNoStore(String value, List<String> options) {
        Path fresh = dir.resolve("fresh/new.db");
        List<String> args = new ArrayList<>(List.of("search"));
        args.addAll(options);
        if (!options.contains("--study")) {
            args.addAll(List.of("--study", STUDY));
        }
        if (!options.contains("--storage")) {
            args.addAll(List.of("--storage", fresh.toString()));
        }
        Path target = Path.of(args.get(args.indexOf("--storage") + 1));

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains(value);
        assertThat(Files.exists(target)).isFalse();
        assertThat(dir.resolve("fresh")).doesNotExist();
    }

    @Test
    void resumeOnNewStoreCreatesNoStore() {
        Path fresh = dir.resolve("fresh/new.db");

        Cli.Result result = Cli.run("search", "--study", STUDY, "--storage", fresh.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("'" + STUDY + "' not found");
        assertThat(dir.resolve("fresh")).doesNotExist();
    }

    @Test
    void missingMetricCreatesNoStore() {
        Path fresh = dir.resolve("x/new.db");

        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--objective", "accuracy:max", "--storage", fresh.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("'accuracy'");
        assertThat(fresh.getParent()).doesNotExist();
    }

    @Test
    void malformedArchitectureIsUsageError() {
        String text = "|bogus~0|+|none~0|none~1|+|none~0|none~1|none~2|";

        Cli.Result result = Cli.run("evaluate", text, "--benchmark", "nb201", "--dataset",
                "cifar10");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("bogus");
    }

    @Test
    void verboseAddsStackTrace() {
        Cli.Result result = Cli.run("evaluate", "|x~0|", "--dataset", "cifar10", "--verbose");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSizeGreaterThan(1);
        assertThat(result.err()).contains("at io.archforge");
    }

    /** Writes three 2x2 training images with {@code labels} and one test image of class 0. */
    private static Path idxDirectory(Path directory, byte[] labels) throws IOException {
        Files.createDirectories(directory);
        int count = labels.length;
        Files.write(directory.resolve("train-images-idx3-ubyte"),
                idx(3, new int[] {count, 2, 2}, new byte[4 * count]));
        Files.write(directory.resolve("train-labels-idx1-ubyte"),
                idx(1, new int[] {count}, labels));
        Files.write(directory.resolve("t10k-images-idx3-ubyte"),
                idx(3, new int[] {1, 2, 2}, new byte[4]));
        Files.write(directory.resolve("t10k-labels-idx1-ubyte"),
                idx(1, new int[] {1}, new byte[] {0}));
        return directory;
    }

    /** Returns an IDX file of unsigned bytes: magic number, dimensions, values. */
    private static byte[] idx(int dimensionCount, int[] dimensions, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        buffer.putInt(0x800 | dimensionCount);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(values).array();
    }

    private static Path corruptIdxDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.write(directory.resolve(name), new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 1, 2});
        }
        return directory;
    }
}
