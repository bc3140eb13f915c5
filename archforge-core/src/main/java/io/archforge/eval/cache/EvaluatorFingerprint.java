package io.archforge.eval.cache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The canonical text of an evaluator configuration, the part of an {@link EvaluationKey}
 * that distinguishes evaluators: {@code NAME?KEY=VALUE&KEY=VALUE} with the options sorted
 * by key and every name, key and value URL-encoded (UTF-8), such as
 * {@code nb201?dataset=cifar10&device=pixel3}.
 *
 * <p>Pass only the options that change what the evaluator returns. Settings of the
 * study around it (its name, trial budget or strategy) do not belong here, or studies
 * that could share evaluations would not.
 */
public final class EvaluatorFingerprint {

    private EvaluatorFingerprint() {
    }

    /**
     * Returns the fingerprint of evaluator {@code evaluatorName} with {@code options}.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public static String of(String evaluatorName, Map<String, String> options) {
        Objects.requireNonNull(evaluatorName, "evaluatorName");
        if (evaluatorName.isBlank()) {
            throw new IllegalArgumentException("evaluator name of a fingerprint is empty");
        }
        StringJoiner pairs = new StringJoiner("&");
        new TreeMap<>(options).forEach((key, value) ->
                pairs.add(encode(key) + "=" + encode(value)));
        return encode(evaluatorName) + "?" + pairs;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
