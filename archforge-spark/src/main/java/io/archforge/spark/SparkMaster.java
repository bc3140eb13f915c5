package io.archforge.spark;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL, with the threads and task attempts of Spark's local mode read from
 * it: {@code local} is 1 thread and 1 attempt, {@code local[N]} is N threads and 1
 * attempt, {@code local[N,F]} is N threads and F attempts, and {@code *} is the number of
 * processors of this machine. Any other URL ({@code spark://HOST:PORT}, {@code yarn},
 * {@code k8s://...}, {@code local-cluster[...]}) names a cluster manager.
 *
 * @param url the master URL as Spark takes it
 */
public record SparkMaster(String url) {

    /** {@code local}, {@code local[N]} or {@code local[N,F]}, N being digits or {@code *}. */
    private static final Pattern LOCAL =
            Pattern.compile("local(?:\\[(\\*|\\d{1,6})(?:,(\\d{1,6}))?])?");

    /** The cluster managers Spark 4 supports: standalone, YARN, Kubernetes, local-cluster. */
    private static final Pattern CLUSTER = Pattern.compile(
            "spark://\\S+|yarn|k8s://\\S+|local-cluster\\[\\d+,\\d+,\\d+]");

    public SparkMaster {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("the Spark master is blank. Give a URL such as "
                    + "local[2,3] or spark://HOST:7077");
        }
        Matcher matcher = LOCAL.matcher(url);
        boolean local = matcher.matches();
        if (url.startsWith("local[") && !local
                || local && (isZero(matcher.group(1)) || isZero(matcher.group(2)))) {
            throw new IllegalArgumentException("invalid Spark master '" + url + "': local mode is "
                    + "written local, local[N], local[*], local[N,F] or local[*,F], with N >= 1 "
                    + "threads and F >= 1 attempts per task");
        }
        if (!local && !CLUSTER.matcher(url).matches()) {
            throw new IllegalArgumentException("invalid Spark master '" + url + "': use local[N,F], "
                    + "spark://HOST:PORT, yarn, k8s://https://HOST:PORT or local-cluster[N,C,M]");
        }
    }

    private static boolean isZero(String count) {
        return count != null && count.chars().allMatch(c -> c == '0');
    }

    /** Local mode with {@code threads} threads and {@code attempts} attempts per task. */
    public static SparkMaster local(int threads, int attempts) {
        if (threads < 1 || attempts < 1) {
            throw new IllegalArgumentException("local mode needs at least 1 thread and 1 attempt,"
                    + " not " + threads + " threads and " + attempts + " attempts");
        }
        return new SparkMaster("local[" + threads + "," + attempts + "]");
    }

    /**
     * Returns whether tasks run as threads of this JVM. Spark's {@code local-cluster} mode
     * starts separate executor processes, so it is not local here.
     */
    public boolean isLocal() {
        return LOCAL.matcher(url).matches();
    }

    /** Returns the threads of local mode, or empty for a cluster manager. */
    public OptionalInt localThreads() {
        Matcher matcher = LOCAL.matcher(url);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        String threads = matcher.group(1);
        if (threads == null) {
            return OptionalInt.of(1);
        }
        if (threads.equals("*")) {
            return OptionalInt.of(Runtime.getRuntime().availableProcessors());
        }
        return OptionalInt.of(Integer.parseInt(threads));
    }

    /** Returns the attempts per task of local mode, or empty for a cluster manager. */
    public OptionalInt localAttempts() {
        Matcher matcher = LOCAL.matcher(url);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        String attempts = matcher.group(2);
        return OptionalInt.of(attempts == null ? 1 : Integer.parseInt(attempts));
    }

    @Override
    public String toString() {
        return url;
    }
}
