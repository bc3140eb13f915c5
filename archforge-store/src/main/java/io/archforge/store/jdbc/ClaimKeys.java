package io.archforge.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a claim key of any length into the fixed-length text stored in
 * {@code trials.claim_key}: its SHA-256 digest in hexadecimal, short enough for any
 * index.
 */
final class ClaimKeys {

    private ClaimKeys() {
    }

    static String digest(String claimKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(claimKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
