package io.archforge.app.provenance;

import io.archforge.app.setup.DatasetSpec;
import io.archforge.study.StudyConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provenance of a trial's result, stored as four trial attributes whose names are
 * part of the store's format: {@value #VERSION}, {@value #CONFIG_SHA256},
 * {@value #DATA_SHA256} and {@value #MACHINE}.
 *
 * @param version the Archforge version ({@link ArchforgeVersion})
 * @param configSha256 the SHA-256 of the study configuration ({@link ConfigDigest})
 * @param dataSha256 the checksums of the data the evaluator reads, as JSON
 *     ({@link DataChecksums})
 * @param machine the machine the trial was created on, as JSON ({@link MachineDescription})
 */
public record TrialProvenance(String version, String configSha256, String dataSha256,
        String machine) {

    /** The attribute with the Archforge version. */
    public static final String VERSION = "archforge_version";
    /** The attribute with the SHA-256 of the study configuration. */
    public static final String CONFIG_SHA256 = "config_sha256";
    /** The attribute with the checksums of the data files, as JSON. */
    public static final String DATA_SHA256 = "data_sha256";
    /** The attribute with the machine, as JSON. */
    public static final String MACHINE = "machine";
    /** The four attribute names, in the order they are shown. */
    public static final List<String> ATTRIBUTES =
            List.of(VERSION, CONFIG_SHA256, DATA_SHA256, MACHINE);

    /** The value shown for an attribute that a trial lacks. */
    static final String MISSING = "";

    public TrialProvenance {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(configSha256, "configSha256");
        Objects.requireNonNull(dataSha256, "dataSha256");
        Objects.requireNonNull(machine, "machine");
    }

    /**
     * Describes the trials this process creates for study {@code config}. The data
     * files are hashed once per process.
     *
     * @throws io.archforge.app.cli.UsageException when the stored options name no valid
     *     data set
     * @throws java.io.UncheckedIOException naming a data file that cannot be read
     */
    public static TrialProvenance of(StudyConfig config) {
        DatasetSpec spec = DatasetSpec.of(config);
        return new TrialProvenance(ArchforgeVersion.current(), ConfigDigest.sha256(config),
                DataChecksums.json(DataInputs.of(spec)),
                MachineDescription.json(DataInputs.usesDjl(spec)));
    }

    /**
     * Reads the provenance stored with a trial, or returns empty when it has none of the
     * four attributes. When only some are present, each missing one reads as an empty
     * string.
     */
    public static Optional<TrialProvenance> read(Map<String, String> attributes) {
        if (ATTRIBUTES.stream().noneMatch(attributes::containsKey)) {
            return Optional.empty();
        }
        return Optional.of(new TrialProvenance(attributes.getOrDefault(VERSION, MISSING),
                attributes.getOrDefault(CONFIG_SHA256, MISSING),
                attributes.getOrDefault(DATA_SHA256, MISSING),
                attributes.getOrDefault(MACHINE, MISSING)));
    }

    /** Returns the four attributes, in the order of {@link #ATTRIBUTES}. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(VERSION, version);
        attributes.put(CONFIG_SHA256, configSha256);
        attributes.put(DATA_SHA256, dataSha256);
        attributes.put(MACHINE, machine);
        return attributes;
    }
}
