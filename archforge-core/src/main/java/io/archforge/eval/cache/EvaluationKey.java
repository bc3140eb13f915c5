package io.archforge.eval.cache;

import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of an evaluation. Two evaluations with equal keys are interchangeable: the
 * same network, evaluated by the same evaluator configuration, at the same fidelity, with
 * the same seed.
 *
 * @param architectureKey the space name and the architecture's isomorphism key, so
 *     isomorphic cells share an entry
 * @param evaluatorFingerprint the evaluator name and the options that change its results,
 *     see {@link EvaluatorFingerprint}
 * @param fidelity the fidelity in its text form, such as {@code epochs:12}, or
 *     {@value #FULL_FIDELITY}
 * @param seed the trial seed, or 0 for an evaluator whose metrics do not depend on it
 */
public record EvaluationKey(String architectureKey, String evaluatorFingerprint, String fidelity,
        long seed) {

    /** The fidelity text of an evaluation at the evaluator's full fidelity. */
    public static final String FULL_FIDELITY = "full";

    public EvaluationKey {
        requireText(architectureKey, "architectureKey");
        requireText(evaluatorFingerprint, "evaluatorFingerprint");
        requireText(fidelity, "fidelity");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " of an evaluation key is empty");
        }
    }

    /**
     * Builds the key of evaluating {@code architecture} with {@code evaluator} in
     * {@code context}. The seed is 0 when {@link Evaluator#dependsOnSeed()} is false, so
     * every trial seed shares one entry. The maximum of the evaluator's
     * {@link Evaluator#fidelityRange()} counts as {@value #FULL_FIDELITY}, because an
     * evaluation without a fidelity runs at that maximum.
     */
    public static EvaluationKey of(Architecture architecture, Evaluator evaluator,
            String evaluatorFingerprint, EvaluationContext context) {
        Optional<Fidelity> maximum = evaluator.fidelityRange().map(FidelityRange::maximum);
        String fidelity = context.fidelity()
                .filter(requested -> !maximum.equals(Optional.of(requested)))
                .map(Fidelity::toString)
                .orElse(FULL_FIDELITY);
        return new EvaluationKey(
                architecture.space() + ":" + architecture.isomorphismKey(),
                evaluatorFingerprint,
                fidelity,
                evaluator.dependsOnSeed() ? context.seed() : 0L);
    }

    /**
     * Returns the SHA-256 digest of the four fields as 64 lower-case hex digits, a
     * primary key that does not change between runs or versions. Each text field is
     * hashed as its UTF-8 byte count in decimal, a colon and the bytes, then the seed
     * in decimal, so no two keys share an input.
     */
    public String digest() {
        StringBuilder input = new StringBuilder();
        for (String field : new String[] {architectureKey, evaluatorFingerprint, fidelity}) {
            input.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
        input.append(seed);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                    sha256.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
