package io.archforge.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends HTTP requests written byte for byte over a socket to 127.0.0.1, so that a request
 * line reaches the server exactly as given: no client normalises its path, decodes its
 * escapes or refuses its characters.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /**
     * A response as received.
     *
     * @param status the status code, or 0 when the server closed the connection without
     *     a status line
     * @param headers the header lines, without the status line
     * @param body the bytes after the blank line, still chunked when the server chunked them
     */
    record Response(int status, List<String> headers, byte[] body) {

        /** Returns the body as UTF-8 text. */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Returns the value of the first header named {@code name}, in any case. */
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }

        /** Returns the values of every header named {@code name}, in any case. */
        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }
    }

    /**
     * Sends {@code GET target HTTP/1.1} with a Host header of 127.0.0.1 and the port, and
     * the extra header lines {@code headers}.
     */
    static Response get(int port, String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
        request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code request} as it is and reads the response until the server closes. */
    static Response send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to 127.0.0.1:" + port + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed within "
                    + TIMEOUT_MS + " ms; received: "
                    + new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1), e);
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(0, List.of(), raw);
        }
        List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n")));
        String statusLine = lines.remove(0);
        String[] parts = statusLine.split(" ");
        int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1])
                : 0;
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        return new Response(status, List.copyOf(lines), body);
    }
}
