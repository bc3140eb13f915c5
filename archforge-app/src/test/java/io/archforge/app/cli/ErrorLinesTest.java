package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error lines stay one short line that no control character or huge value disturbs. */
class ErrorLinesTest {

    @TempDir
    Path dir;

    @Test
    void studyNameWithEscapeIsUsageError() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--study", "a\u001b]0;title\u0007b", "--storage", dir.resolve("s.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("invalid --study 'a?]0;title?b'")
                .doesNotContain("\u001b").doesNotContain("Exception");
        assertThat(dir.resolve("s.db")).doesNotExist();
    }

    @Test
    void hugeArchitectureIsCutInMessage() {
        String architecture = "|" + "x".repeat(100_000) + "~0|";

        Cli.Result result = Cli.run("evaluate", architecture, "--benchmark", "nb201",
                "--dataset", "cifar10");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).hasSizeLessThan(2_100)
                .contains("more characters)");
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertThat(ErrorHandlers.oneLine("bad\u001b[31m value\n  next"))
                .isEqualTo("bad\\u001b[31m value next");
    }
}
