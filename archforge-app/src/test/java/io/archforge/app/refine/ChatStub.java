package io.archforge.app.refine;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat-completions endpoint on 127.0.0.1 that responds to every request with one fixed
 * status and body, after an optional delay, and records the requests.
 */
final class ChatStub implements AutoCloseable {

    /** One recorded request: its body and its Authorization header, or null. */
    record Request(String body, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "";
    private volatile Duration delay = Duration.ZERO;

    ChatStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(new String(request, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            sleep(delay);
            byte[] reply = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            } catch (IOException e) {
                // The client gave up waiting, as a timeout test expects.
            }
        });
        server.start();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Responds with {@code status} and {@code body}. */
    ChatStub answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /** Responds with a chat completion whose message content is {@code content}. */
    ChatStub reply(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n");
        return answer(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped
                + "\"},\"finish_reason\":\"stop\"}]}");
    }

    /** Waits {@code delay} before responding. */
    ChatStub delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Returns the base URL, such as {@code http://127.0.0.1:40123/v1}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
