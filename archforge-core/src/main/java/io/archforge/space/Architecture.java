package io.archforge.space;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One immutable point of a search space.
 *
 * <p>Created only by a {@link SearchSpace}, which validates the genes and fills in
 * the printed form and the isomorphism key. Two architectures are equal when they
 * belong to the same space and have the same genes. Two architectures that are
 * different genes but the same network (isomorphic cells) share an
 * {@link #isomorphismKey()}.
 *
 * @param space the name of the space it belongs to
 * @param genes one value per choice of the space, in the space's order
 * @param text the canonical string form, which {@link SearchSpace#parse} reads back
 * @param isomorphismKey a string equal for exactly the architectures that build the same network
 */
public record Architecture(String space, List<Number> genes, String text, String isomorphismKey) {

    public Architecture {
        Objects.requireNonNull(space, "space");
        genes = List.copyOf(genes);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(isomorphismKey, "isomorphismKey");
    }

    /** The gene of choice {@code index} as an int (categorical index or integer value). */
    public int intGene(int index) {
        return genes.get(index).intValue();
    }

    /** The gene of choice {@code index} as a double. */
    public double doubleGene(int index) {
        return genes.get(index).doubleValue();
    }

    /**
     * A stable content hash: the first 16 hex digits of SHA-256 over the space name
     * and the canonical string. It does not change between runs or versions as long
     * as the string form does not.
     */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((space + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Architecture that && space.equals(that.space) && genes.equals(that.genes);
    }

    @Override
    public int hashCode() {
        return 31 * space.hashCode() + genes.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
