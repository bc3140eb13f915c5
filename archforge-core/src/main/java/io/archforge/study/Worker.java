package io.archforge.study;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process that runs a trial, stored with the trial as the attribute
 * {@value #ATTRIBUTE} so that a resuming process can tell a trial whose worker
 * died from one that another live process is still evaluating.
 *
 * <p>A worker is identified by host name, process id and process start time; the
 * start time guards against a recycled process id. Liveness can only be checked
 * for workers on this host; workers elsewhere are judged by their trials'
 * heartbeats. This process's own trials count as alive while a {@link Study} in
 * this JVM is evaluating them.
 *
 * @param host the host name
 * @param pid the process id
 * @param started the process start time in epoch milliseconds, or -1 when unknown
 */
public record Worker(String host, long pid, long started) {

    /** The trial attribute that contains the worker's identity. */
    public static final String ATTRIBUTE = "worker";

    private static final Worker CURRENT = detect();

    /** Trials this JVM is evaluating now, as "location, study, number" keys. */
    private static final Set<String> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    /** Returns the worker of this JVM. */
    public static Worker current() {
        return CURRENT;
    }

    /** Parses the form {@link #toString()} writes, or returns empty when it is malformed. */
    public static Optional<Worker> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int last = text.lastIndexOf('/');
        int middle = last < 0 ? -1 : text.lastIndexOf('/', last - 1);
        if (middle <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Worker(text.substring(0, middle),
                    Long.parseLong(text.substring(middle + 1, last)),
                    Long.parseLong(text.substring(last + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether the trial {@code number} of {@code study} in the store at
     * {@code location}, run by this worker, may still be evaluated: by a Study in this
     * JVM, or by a live process on this host. A worker on another host cannot be
     * checked from here and counts as alive; its trial goes stale when its heartbeats
     * stop (see {@link Study#useHeartbeats}).
     */
    boolean isEvaluating(String location, String study, int number) {
        if (equals(CURRENT)) {
            return RUNNING_HERE.contains(key(location, study, number));
        }
        if (!host.equals(CURRENT.host)) {
            return true;
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(handle -> startMillis(handle) == started)
                .orElse(false);
    }

    static void markRunningHere(String location, String study, int number) {
        RUNNING_HERE.add(key(location, study, number));
    }

    static void markDoneHere(String location, String study, int number) {
        RUNNING_HERE.remove(key(location, study, number));
    }

    private static String key(String location, String study, int number) {
        return location + "\n" + study + "\n" + number;
    }

    private static Worker detect() {
        ProcessHandle self = ProcessHandle.current();
        return new Worker(hostName(), self.pid(), startMillis(self));
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return host + "/" + pid + "/" + started;
    }
}
