package io.archforge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives one page of headless Chromium through the DevTools protocol, so a test can run
 * script in the page after it loads: hover a chart, click a row, read a global. The
 * browser listens for the protocol on 127.0.0.1 only, on a port the system picks, and
 * starts with the same offline switches as {@link Chromium}.
 */
final class DevTools implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String session;

    private DevTools(Process browser, URI endpoint) throws IOException, InterruptedException {
        this.browser = browser;
        this.socket = await(HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new Listener()));
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank"))
                .get("targetId").asText();
        this.session = call(null, "Target.attachToTarget", Map.of("targetId", target,
                "flatten", true)).get("sessionId").asText();
    }

    /** Starts the browser with its profile under {@code workDir} and opens a blank page. */
    static DevTools launch(Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "devtools-profile-");
        Path err = Files.createTempFile(workDir, "devtools-", ".err");
        Process process = new ProcessBuilder(Chromium.BINARY.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        try {
            return new DevTools(process, endpoint(process, err));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    private static URI endpoint(Process process, Path err) throws IOException,
            InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = LISTENING.matcher(Files.readString(err));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(err));
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium opened no DevTools port within " + TIMEOUT);
    }

    /** Loads {@code url} in the page and waits until its document has loaded. */
    void open(URI url) throws IOException, InterruptedException {
        call(session, "Page.navigate", Map.of("url", url.toString()));
        waitUntil("document.readyState === 'complete' && location.href !== 'about:blank'");
    }

    /**
     * Evaluates {@code expression} in the page, awaiting it when it is a promise, and
     * returns its value as JSON.
     *
     * @throws AssertionError when the expression throws
     */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression,
                "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed in the page: "
                    + result.get("exceptionDetails"));
        }
        JsonNode value = result.get("result").get("value");
        return value == null ? MAPPER.nullNode() : value;
    }

    /** Evaluates {@code condition} every 50 ms until it is true. */
    void waitUntil(String condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (evaluate("Boolean(" + condition + ")").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("page never met " + condition + " within " + TIMEOUT);
    }

    private JsonNode call(String target, String method, Map<String, Object> params)
            throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", MAPPER.valueToTree(params));
        if (target != null) {
            message.put("sessionId", target);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        await(socket.sendText(MAPPER.writeValueAsString(message), true));
        JsonNode answer = await(reply);
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    private static <T> T await(CompletionStage<T> stage) throws IOException,
            InterruptedException {
        try {
            return stage.toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("DevTools connection failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no DevTools reply within " + TIMEOUT, e);
        }
    }

    /** Closes the browser, killing it when it has not exited 10 s later. */
    @Override
    public void close() {
        socket.abort();
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        } catch (InterruptedException e) {
            browser.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the frames of each message and hands replies to the calls awaiting them. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                deliver(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void deliver(String message) {
            try {
                JsonNode node = MAPPER.readTree(message);
                // Events carry no id; only replies to calls are of interest here.
                if (node.has("id")) {
                    CompletableFuture<JsonNode> reply = pending.remove(node.get("id").asInt());
                    if (reply != null) {
                        reply.complete(node);
                    }
                }
            } catch (IOException e) {
                pending.values().forEach(reply -> reply.completeExceptionally(e));
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            List.copyOf(pending.values()).forEach(reply -> reply.completeExceptionally(error));
        }
    }
}
