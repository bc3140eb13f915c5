package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the archforge command line in this JVM with captured stdout and stderr. */
public final class Cli {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cli() {
    }

    /** The outcome of one command. */
    public record Result(int exitCode, String out, String err) {

        /** Parses stdout as one JSON object. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON: " + out, e);
            }
        }

        /** Returns the non-empty lines of stderr. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs {@code archforge ARGS...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Verbosity.set(false);
        int code = CommandLines.create(new ArchforgeCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code search} with {@code options} on the store {@code store}, which must not
     * exist, and checks that it exits as bad input with one line of error containing
     * {@code message}, no stack trace, and no store written.
     */
    public static void assertSearchRejected(Path store, String message, List<String> options) {
        List<String> args = new ArrayList<>(List.of("search", "--storage", store.toString(),
                "--trials", "0", "--study", "r"));
        args.addAll(options);

        Result result = run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains(message)
                .doesNotContain("Exception");
        assertThat(store).doesNotExist();
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
