package io.archforge.predictors.text;

import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps DJL's Hugging Face tokenizer (ai.djl.huggingface:tokenizers 0.36.0) off the
 * network before it loads.
 *
 * <p>Unless DJL runs in offline mode or tracking is opted out, creating a tokenizer
 * sends usage tracking to the cloud metadata address 169.254.169.254. Outside offline
 * mode on a machine with a GPU, DJL also looks for a CUDA build of the tokenizer's
 * native library, which the jar lacks, and downloads it. DJL reads each setting from
 * the environment variable first and the system property second, for the whole JVM.
 * A setting left unset here is set to {@code true} as a system property, which also
 * applies to the other DJL users of the JVM. A setting switched off raises an error.
 */
final class DjlOfflineMode {

    /** Environment variable and system property of each setting, as DJL reads them. */
    private static final Map<String, String> SETTINGS = Map.of(
            "DJL_OFFLINE", "ai.djl.offline",
            "OPT_OUT_TRACKING", "OPT_OUT_TRACKING");

    private static final Logger LOG = LoggerFactory.getLogger(DjlOfflineMode.class);

    private DjlOfflineMode() {
    }

    /**
     * Turns on offline mode and the tracking opt-out in this JVM's system properties
     * where neither the environment nor the properties set them.
     *
     * @throws IllegalStateException when either is set to anything but {@code true}
     */
    static void enforce() {
        enforce(System.getenv(), System.getProperties());
    }

    /** Applies {@link #enforce()} to the given environment and properties. */
    static void enforce(Map<String, String> environment, Properties properties) {
        for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
            String variable = setting.getKey();
            String property = setting.getValue();
            String value = environment.get(variable) != null
                    ? environment.get(variable) : properties.getProperty(property);
            if (value == null) {
                properties.setProperty(property, "true");
                LOG.info("Set the system property {}=true so that DJL stays off the network",
                        property);
            } else if (!Boolean.parseBoolean(value)) {
                throw new IllegalStateException("DJL setting " + variable + " or -D" + property
                        + " is '" + value + "', so its tokenizer would contact the network; "
                        + "set it to true, or leave both unset to have it set to true");
            }
        }
    }
}
