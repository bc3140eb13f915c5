package io.archforge.app.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.study.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The machine a trial is created on, as compact JSON with these fields: {@code host}
 * (the host name of the {@code worker} attribute), {@code os}, {@code os_version},
 * {@code arch}, {@code cpu} (the first {@code model name} of {@code /proc/cpuinfo}, left
 * out where that cannot be read), {@code cores} (the processors this JVM may use),
 * {@code memory_mib} (the total physical memory, left out where the JVM cannot tell),
 * {@code java_vendor} and {@code java_version}. With DJL it adds {@code djl_version},
 * {@code engine} and {@code engine_version}, read from the PyTorch engine's jar without
 * starting the engine.
 */
public final class MachineDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    /** The properties file of DJL's PyTorch engine jar, with the DJL and PyTorch versions. */
    private static final String PYTORCH_ENGINE_PROPERTIES = "/pytorch-engine.properties";
    private static final long MIB = 1024L * 1024L;

    private MachineDescription() {
    }

    /**
     * Returns the description of this machine, with the DJL and PyTorch versions when
     * {@code djl} is set. The values are read once per process.
     */
    public static String json(boolean djl) {
        return djl ? Holder.WITH_DJL : Holder.PLAIN;
    }

    private static String describe(boolean djl) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("host", Worker.current().host());
        machine.put("os", System.getProperty("os.name"));
        machine.put("os_version", System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        cpuModel().ifPresent(model -> machine.put("cpu", model));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        totalMemoryMib().ifPresent(mib -> machine.put("memory_mib", mib));
        machine.put("java_vendor", System.getProperty("java.vendor"));
        machine.put("java_version", System.getProperty("java.version"));
        if (djl) {
            machine.putAll(djlVersions());
        }
        try {
            return JSON.writeValueAsString(machine);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    /** Returns the first CPU model name of {@code /proc/cpuinfo}, or empty off Linux. */
    static Optional<String> cpuModel() {
        if (!Files.isReadable(CPU_INFO)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(CPU_INFO)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .filter(model -> !model.isEmpty())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> totalMemoryMib() {
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Optional.of(sun.getTotalMemorySize() / MIB);
        }
        return Optional.empty();
    }

    /** Returns the DJL and PyTorch versions the engine jar declares, or none without it. */
    private static Map<String, String> djlVersions() {
        Properties properties = new Properties();
        try (InputStream in = MachineDescription.class.getResourceAsStream(
                PYTORCH_ENGINE_PROPERTIES)) {
            if (in == null) {
                return Map.of();
            }
            properties.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> versions = new LinkedHashMap<>();
        Optional.ofNullable(properties.getProperty("djl_version"))
                .ifPresent(version -> versions.put("djl_version", version));
        versions.put("engine", "PyTorch");
        Optional.ofNullable(properties.getProperty("pytorch_version"))
                .ifPresent(version -> versions.put("engine_version", version));
        return versions;
    }

    private static final class Holder {
        static final String PLAIN = describe(false);
        static final String WITH_DJL = describe(true);
    }
}
