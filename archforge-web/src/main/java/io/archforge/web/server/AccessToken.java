package io.archforge.web.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret that every request to a dashboard must carry when the dashboard has one.
 * A token is at least {@value #MIN_LENGTH} characters of the URL-safe set (letters,
 * digits, {@code -}, {@code _}, {@code .} and {@code ~}), so it fits unchanged in a query
 * parameter, a cookie and an {@code Authorization} header.
 *
 * <p>{@link #toString()} hides the value, so a token never reaches a log through a record
 * or a message that prints it.
 *
 * @param value the token text
 */
public record AccessToken(String value) {

    /** The minimum length of a token, in characters. */
    public static final int MIN_LENGTH = 16;

    /** 128 bits, which URL-safe base64 writes as 22 characters. */
    private static final int RANDOM_BYTES = 16;

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checks the token.
     *
     * @throws IllegalArgumentException when it is shorter than {@value #MIN_LENGTH}
     *     characters or has a character outside the URL-safe set. The message does not
     *     repeat the token.
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the access token has " + value.length()
                    + " characters, fewer than the " + MIN_LENGTH + " required");
        }
        if (!URL_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("the access token contains a character other"
                    + " than letters, digits, '-', '_', '.' and '~'");
        }
    }

    /** Creates a token of 128 random bits from {@link SecureRandom}, as URL-safe base64. */
    public static AccessToken random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Returns whether {@code candidate} is this token. The comparison takes the same time
     * wherever the two differ and whatever their lengths: both are hashed with SHA-256 and
     * the digests compared with {@link MessageDigest#isEqual}.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(value), sha256(candidate));
    }

    /** Returns a text without the token's value. */
    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
