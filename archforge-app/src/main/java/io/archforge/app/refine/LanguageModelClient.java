package io.archforge.app.refine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.refine.Refinement;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible chat endpoint ({@code POST .../v1/chat/completions}) for the
 * design rules a refinement's evidence supports. One request per call, no retries; the
 * API key, when given, goes only into the {@code Authorization: Bearer} header.
 */
public final class LanguageModelClient {

    /** The environment variable that contains the API key. */
    public static final String API_KEY_VARIABLE = "ARCHFORGE_LLM_API_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CHAT_PATH = "/chat/completions";

    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;

    /**
     * @param endpoint the chat completions URL, as {@link #endpoint} returns it
     * @param model the model name sent with the request
     * @param apiKey the API key, if the endpoint needs one
     * @param timeout the limit on connecting and on the whole request
     */
    public LanguageModelClient(URI endpoint, String model, Optional<String> apiKey,
            Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.model = Objects.requireNonNull(model, "model");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey").filter(key -> !key.isBlank());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code --llm-endpoint}: a full {@code .../chat/completions} URL is used as
     * given, a URL ending in {@code /v1} gets {@code /chat/completions}, and any other
     * gets {@code /v1/chat/completions}.
     *
     * @throws IllegalArgumentException when the text is not an http or https URL with a
     *     host
     */
    public static URI endpoint(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!web || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http or https URL "
                    + "with a host, such as http://127.0.0.1:8000/v1");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (!path.endsWith(CHAT_PATH)) {
            path = path.endsWith("/v1") ? path + CHAT_PATH : path + "/v1" + CHAT_PATH;
        }
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(),
                    path, uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** Returns the endpoint without user information or query, safe to print. */
    public String redactedEndpoint() {
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + endpoint.getPath();
    }

    /**
     * Sends the evidence of {@code refinement} and reads the reply.
     *
     * @throws LanguageModelException when the endpoint is unreachable, times out, returns
     *     an HTTP status other than 2xx, or replies with something other than the
     *     requested JSON
     */
    public DesignRules designRules(Refinement refinement) {
        String body = requestBody(refinement);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        LOG.info("Asking model {} at {} for design rules", model, redactedEndpoint());
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new LanguageModelException("the language model at " + redactedEndpoint()
                    + " returned HTTP " + response.statusCode() + ": "
                    + RuleReply.shorten(response.body()));
        }
        return RuleReply.parse(response.body(), model, refinement);
    }

    private String requestBody(Refinement refinement) {
        try {
            return MAPPER.writeValueAsString(RulePrompt.request(model, refinement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request as JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new LanguageModelException("the language model at " + redactedEndpoint()
                    + " timed out after " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new LanguageModelException("the language model at " + redactedEndpoint()
                    + " is unreachable (" + e + ")", e);
        } catch (IOException e) {
            throw new LanguageModelException("the request to the language model at "
                    + redactedEndpoint() + " failed (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanguageModelException("the request to the language model at "
                    + redactedEndpoint() + " was interrupted", e);
        }
    }
}
