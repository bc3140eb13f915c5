package io.archforge.predictors.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DjlOfflineModeTest {

    @Test
    void unsetSettingsAreSwitchedOn() {
        Properties properties = new Properties();

        DjlOfflineMode.enforce(Map.of(), properties);

        assertThat(properties.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(properties.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    }

    @Test
    void settingsFromEnvironmentAreKept() {
        Properties properties = new Properties();

        DjlOfflineMode.enforce(Map.of("DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "TRUE"),
                properties);

        assertThat(properties).isEmpty();
    }

    @Test
    void offlineModeSwitchedOffIsRejected() {
        Properties properties = new Properties();
        properties.setProperty("ai.djl.offline", "false");

        assertThatThrownBy(() -> DjlOfflineMode.enforce(Map.of(), properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ai.djl.offline")
                .hasMessageContaining("'false'");
    }

    @Test
    void environmentTakesPrecedenceOverProperty() {
        Properties properties = new Properties();
        properties.setProperty("OPT_OUT_TRACKING", "true");

        assertThatThrownBy(() -> DjlOfflineMode.enforce(Map.of("OPT_OUT_TRACKING", "no"),
                properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPT_OUT_TRACKING");
    }
}
