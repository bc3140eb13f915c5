package io.archforge.torch.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the DJL PyTorch engine that this module relies on.
 *
 * <p>{@link #configure()} must run before the first DJL call in the JVM. It keeps DJL
 * offline and untracked, because its engine start otherwise sends a request to a cloud
 * metadata address, and it picks the directory where DJL unpacks libtorch: {@code
 * DJL_CACHE_DIR} or {@code ENGINE_CACHE_DIR} from the environment or system properties if
 * set, otherwise {@code ~/.archforge/djl-cache}. Settings given on the command line are
 * kept. {@link #engine()} checks that this directory can be created and written before
 * the engine starts, because DJL's own error names neither the directory nor the fix.
 *
 * <p>PyTorch's intra-op thread count is one value for the whole process, so {@link
 * #setThreads} affects every thread that runs operators at the time.
 */
public final class DjlRuntime {
    /** The engine cache used when neither DJL_CACHE_DIR nor ENGINE_CACHE_DIR is set. */
    public static final Path DEFAULT_CACHE_DIR =
            Path.of(System.getProperty("user.home"), ".archforge", "djl-cache");

    private static final Logger LOG = LoggerFactory.getLogger(DjlRuntime.class);
    private static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** Sets the offline, tracking, engine and cache properties that are not set yet. */
    public static synchronized void configure() {
        String offline = System.getenv("DJL_OFFLINE");
        if (offline != null && !offline.equals("true")) {
            LOG.warn("DJL_OFFLINE is '{}' in the environment; DJL may try to reach the network."
                    + " Set it to true", offline);
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.default_engine", ENGINE);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (setting("DJL_CACHE_DIR") == null && setting("ENGINE_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", DEFAULT_CACHE_DIR.toString());
            System.setProperty("ENGINE_CACHE_DIR", DEFAULT_CACHE_DIR.toString());
            defaultCache = true;
        }
    }

    /** Whether {@link #requireWritableCache()} has passed in this JVM. */
    private static volatile boolean cacheChecked;

    /** Whether {@link #configure()} chose {@link #DEFAULT_CACHE_DIR}. */
    private static boolean defaultCache;

    /**
     * Configures DJL if needed and returns the PyTorch engine, starting it on first use.
     *
     * @throws EngineCacheException when the cache directory cannot be created or written
     */
    public static Engine engine() {
        requireWritableCache();
        Engine engine = Engine.getEngine(ENGINE);
        LOG.debug("Using {} {} with {} intra-op threads", engine.getEngineName(),
                engine.getVersion(), JniUtils.getNumThreads());
        return engine;
    }

    /**
     * Configures DJL if needed and checks, once per JVM, that the directory where DJL
     * unpacks libtorch can be created and written. Call it before any work that
     * should not start when the engine cannot.
     *
     * @throws EngineCacheException naming the directory, the setting it came from and
     *     the fix
     */
    public static void requireWritableCache() {
        configure();
        if (cacheChecked) {
            return;
        }
        // DJL unpacks the engine into ENGINE_CACHE_DIR when set, else into DJL_CACHE_DIR.
        String key = setting("ENGINE_CACHE_DIR") != null ? "ENGINE_CACHE_DIR" : "DJL_CACHE_DIR";
        String origin = defaultCache ? "the default" : "from " + key;
        requireWritable(Path.of(setting(key)), origin, defaultCache ? "DJL_CACHE_DIR" : key);
        cacheChecked = true;
    }

    /**
     * Creates {@code directory} if needed, then creates and deletes a file in it.
     *
     * @param origin where the directory came from, for the message
     * @param key the setting to change, for the message
     */
    static void requireWritable(Path directory, String origin, String key) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".archforge-probe-", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new EngineCacheException("the DJL cache directory " + directory + " ("
                    + origin + ") cannot be created or written (" + e.getClass().getSimpleName()
                    + "); set " + key + " to a writable directory", e);
        }
    }

    /** Returns PyTorch's current intra-op thread count, starting the engine if needed. */
    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** Sets PyTorch's process-wide intra-op thread count. */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        engine();
        JniUtils.setNumThreads(threads);
    }

    /**
     * Switches autograd recording on or off for the calling thread and returns the
     * previous setting. New threads start with it on.
     */
    public static boolean setGradMode(boolean enabled) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return previous;
    }

    /** Engine name and versions, for provenance. */
    public static Map<String, String> versions() {
        Engine engine = engine();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("djl_version", Engine.getDjlVersion());
        versions.put("engine", engine.getEngineName());
        versions.put("engine_version", engine.getVersion());
        return versions;
    }

    private static void setIfAbsent(String key, String value) {
        if (setting(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String setting(String key) {
        String property = System.getProperty(key);
        return property != null ? property : System.getenv(key);
    }
}
