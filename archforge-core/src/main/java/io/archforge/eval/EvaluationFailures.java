package io.archforge.eval;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns the error that ended an evaluation into the reason stored with its FAILED trial.
 * Resource faults get a reason that names the resource and the fix: the Java heap and
 * other JVM memory pools, the native memory of a tensor engine, the stack, the trial's
 * time limit and a diverged training. Any other error is stored as its class and
 * message.
 */
public final class EvaluationFailures {

    private static final long MB = 1024 * 1024;
    /** The maximum length of the part of an engine's message kept in a reason. */
    private static final int MAX_DETAIL = 200;

    private EvaluationFailures() {
    }

    /**
     * Returns whether a study fails the trial on {@code error} and goes on. A JVM error
     * other than {@link OutOfMemoryError} and {@link StackOverflowError}, such as an
     * {@link InternalError}, means the JVM itself is broken, so it must stop the study.
     */
    public static boolean failsTrial(Throwable error) {
        return !(error instanceof VirtualMachineError)
                || error instanceof OutOfMemoryError
                || error instanceof StackOverflowError;
    }

    /** Returns the reason to store with the trial that {@code error} ended. */
    public static String reason(Throwable error) {
        if (error instanceof OutOfMemoryError outOfMemory) {
            return outOfMemory(outOfMemory);
        }
        if (error instanceof StackOverflowError) {
            return "stack overflow: the evaluation recursed too deep; fix the recursion, or "
                    + "give threads a larger stack with JAVA_OPTS=-Xss4m";
        }
        if (error instanceof TrialTimeoutException || error instanceof TrainingDivergedException) {
            return error.getMessage();
        }
        return nativeMemory(error)
                .orElseGet(() -> error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** Describes an exhausted JVM memory pool and the option that enlarges it. */
    private static String outOfMemory(OutOfMemoryError error) {
        String pool = error.getMessage() == null ? "" : error.getMessage();
        String lower = pool.toLowerCase(Locale.ROOT);
        if (lower.contains("direct buffer")) {
            return "out of direct buffer memory (" + pool + "): lower --batch-size, or raise "
                    + "the limit with JAVA_OPTS=-XX:MaxDirectMemorySize=...";
        }
        if (lower.contains("metaspace") || lower.contains("class space")) {
            return "out of class metadata memory (" + pool + "): raise the limit with "
                    + "JAVA_OPTS=-XX:MaxMetaspaceSize=...";
        }
        if (lower.contains("native thread")) {
            return "cannot start another thread (" + pool + "): run fewer trials at once, or "
                    + "raise the process limits";
        }
        long maxMb = Runtime.getRuntime().maxMemory() / MB;
        return "out of Java heap memory (-Xmx " + maxMb + " MB" + (pool.isEmpty() ? ""
                : ", " + pool) + "): use a smaller network or lower --batch-size, or give the "
                + "JVM more with JAVA_OPTS=-Xmx" + Math.max(1024, 2 * maxMb) + "m";
    }

    /**
     * Returns the reason for a failed native allocation of a tensor engine, when
     * {@code error} or one of its causes reports one. DJL raises these as
     * {@code ai.djl.engine.EngineException} with the engine's message, such as PyTorch's
     * "DefaultCPUAllocator: not enough memory" or "CUDA out of memory".
     */
    private static Optional<String> nativeMemory(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            boolean engine = cause.getClass().getName().startsWith("ai.djl.");
            boolean gpu = lower.contains("cuda out of memory");
            boolean allocation = lower.contains("defaultcpuallocator")
                    || lower.contains("bad_alloc") || gpu
                    || engine && (lower.contains("not enough memory")
                            || lower.contains("out of memory")
                            || lower.contains("cannot allocate memory"));
            if (allocation) {
                return Optional.of("out of " + (gpu ? "GPU" : "native") + " memory ("
                        + detail(message) + "): train a smaller network or lower --batch-size");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Returns the first line of an engine's message, cut to {@value #MAX_DETAIL} characters. */
    private static String detail(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
