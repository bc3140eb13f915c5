package io.archforge.app.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.provenance.Checksums;
import io.archforge.store.jdbc.StudyConfigJson;
import io.archforge.study.StudyConfig;

/**
 * The SHA-256 of a study configuration in canonical form: the JSON that the store keeps
 * for the study ({@link StudyConfigJson}) without the study name, in UTF-8. That JSON has
 * no whitespace, its fields in a fixed order and every option map sorted by key, so
 * equal configurations give equal bytes, and two studies that differ only in name share
 * the digest.
 */
public final class ConfigDigest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigDigest() {
    }

    /** Returns the canonical form of {@code config}. */
    public static String canonical(StudyConfig config) {
        try {
            ObjectNode stored = (ObjectNode) JSON.readTree(StudyConfigJson.write(config));
            stored.remove("name");
            return stored.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store wrote invalid JSON for study '"
                    + config.name() + "'", e);
        }
    }

    /** Returns the SHA-256 of the canonical form of {@code config}. */
    public static String sha256(StudyConfig config) {
        return Checksums.sha256(canonical(config));
    }
}
