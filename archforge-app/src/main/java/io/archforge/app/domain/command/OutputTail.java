package io.archforge.app.domain.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains one output stream of a process on its own thread and keeps its last lines. The
 * thread reads without pause, so the program does not block on a full pipe.
 */
final class OutputTail {

    private final Deque<String> lines = new ArrayDeque<>();
    private final int maxLines;
    private final Thread reader;

    private OutputTail(InputStream stream, int maxLines, String name) {
        this.maxLines = maxLines;
        this.reader = new Thread(() -> drain(stream), name);
        this.reader.setDaemon(true);
    }

    /** Starts draining {@code stream}, keeping up to {@code maxLines} last lines. */
    static OutputTail start(InputStream stream, int maxLines, String name) {
        OutputTail tail = new OutputTail(stream, maxLines, name);
        tail.reader.start();
        return tail;
    }

    private void drain(InputStream stream) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                add(line);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; the lines read so far remain.
            add("(output cut off: " + e.getMessage() + ")");
        }
    }

    private synchronized void add(String line) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
        }
    }

    /** Waits up to {@code millis} for the stream to end, then returns the kept lines. */
    List<String> lines(long millis) {
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return List.copyOf(lines);
        }
    }
}
